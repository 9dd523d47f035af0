package io.upwatch.bench;

import io.lettuce.core.api.sync.RedisCommands;
import io.upwatch.common.Streams;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the queues hold in Redis at the end of the run: the server's used memory, and per stream its
 * length and bytes per entry (entries stay, read and acknowledged, until the stream's cap trims
 * them: at the cap, memory is the cap times the bytes per entry).
 */
final class RedisMemory {

  private RedisMemory() {}

  static Map<String, Object> measure(RedisCommands<String, String> redis) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (String line : redis.info("memory").split("\r?\n")) {
      if (line.startsWith("used_memory:")) {
        m.put("usedMemoryMib", ProberBench.round(Long.parseLong(line.substring(12)) / 1048576.0));
      }
    }
    // Summed over the partitions, under the stream's logical name (upwatch:tasks:<region>...).
    Map<String, long[]> totals = new TreeMap<>();
    for (String pattern : List.of(StreamBacklog.TASK_STREAMS, StreamBacklog.RESULT_STREAMS)) {
      for (String stream : redis.keys(pattern)) {
        if (stream.endsWith(":dead") || !"stream".equals(redis.type(stream))) {
          continue;
        }
        long[] total = totals.computeIfAbsent(Streams.logicalName(stream), k -> new long[2]);
        total[0] += redis.xlen(stream);
        Long bytes = redis.memoryUsage(stream);
        total[1] += bytes == null ? 0 : bytes;
      }
    }
    totals.forEach((stream, total) -> m.put(stream, describe(total[0], total[1])));
    return m;
  }

  private static Map<String, Object> describe(long length, long bytes) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("entries", length);
    if (length > 0) {
      s.put("bytesPerEntry", ProberBench.round(bytes / (double) length));
    }
    return s;
  }
}

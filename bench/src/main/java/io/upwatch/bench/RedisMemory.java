package io.upwatch.bench;

import io.lettuce.core.api.sync.RedisCommands;
import io.upwatch.common.Streams;
import java.util.LinkedHashMap;
import java.util.Map;

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
    for (String stream : new String[] {Streams.TASKS, Streams.RESULTS}) {
      long length = redis.xlen(stream);
      Long bytes = redis.memoryUsage(stream);
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("entries", length);
      if (bytes != null && length > 0) {
        s.put("bytesPerEntry", ProberBench.round(bytes / (double) length));
      }
      m.put(stream, s);
    }
    return m;
  }
}

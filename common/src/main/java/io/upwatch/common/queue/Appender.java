package io.upwatch.common.queue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/** XADD to one stream, trimmed to an approximate MAXLEN unless {@link StreamQueue#UNCAPPED}. */
final class Appender {

  private final StringRedisTemplate redis;
  private final byte[] stream;
  private final XAddOptions cap;

  Appender(StringRedisTemplate redis, String stream, long maxLength) {
    this.redis = redis;
    this.stream = utf8(stream);
    this.cap =
        maxLength == StreamQueue.UNCAPPED
            ? XAddOptions.none()
            : XAddOptions.maxlen(maxLength).approximateTrimming(true);
  }

  /** Adds every entry in one pipelined round trip, or throws: then none may be assumed added. */
  void add(List<Map<String, String>> entries) {
    if (entries.isEmpty()) {
      return;
    }
    redis.executePipelined(
        (RedisCallback<Object>)
            connection -> {
              for (var fields : entries) {
                connection.streamCommands().xAdd(record(fields), cap);
              }
              return null;
            });
  }

  void add(Map<String, String> fields) {
    redis.execute((RedisCallback<Object>) c -> c.streamCommands().xAdd(record(fields), cap));
  }

  private MapRecord<byte[], byte[], byte[]> record(Map<String, String> fields) {
    Map<byte[], byte[]> raw = new LinkedHashMap<>();
    fields.forEach((k, v) -> raw.put(utf8(k), utf8(v)));
    return StreamRecords.newRecord().in(stream).ofMap(raw);
  }

  private static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}

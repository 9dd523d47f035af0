package io.upwatch.worker.schedule;

import io.upwatch.common.CheckTask;
import io.upwatch.common.Streams;
import io.upwatch.worker.config.WorkerProperties;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/** Appends check tasks to the task stream in one pipelined round trip per batch. */
@Component
class TaskPublisher {

  private static final byte[] STREAM = Streams.TASKS.getBytes(StandardCharsets.UTF_8);

  private final StringRedisTemplate redis;
  private final XAddOptions options;

  TaskPublisher(StringRedisTemplate redis, WorkerProperties properties) {
    this.redis = redis;
    this.options = XAddOptions.maxlen(properties.taskStreamMaxLength()).approximateTrimming(true);
  }

  /** Publishes every task or throws, in which case none may be assumed published. */
  void publish(List<CheckTask> tasks) {
    if (tasks.isEmpty()) {
      return;
    }
    redis.executePipelined(
        (RedisCallback<Object>)
            connection -> {
              for (CheckTask task : tasks) {
                connection.streamCommands().xAdd(record(task), options);
              }
              return null;
            });
  }

  /** Current length of the task stream. */
  long length() {
    Long size = redis.opsForStream().size(Streams.TASKS);
    return size == null ? 0 : size;
  }

  private static MapRecord<byte[], byte[], byte[]> record(CheckTask task) {
    Map<byte[], byte[]> fields = new LinkedHashMap<>();
    task.toFields()
        .forEach(
            (k, v) ->
                fields.put(k.getBytes(StandardCharsets.UTF_8), v.getBytes(StandardCharsets.UTF_8)));
    return StreamRecords.newRecord().in(STREAM).ofMap(fields);
  }
}

package io.upwatch.monitoringworker.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.upwatch.common.CheckResult;
import io.upwatch.common.CheckTask;
import io.upwatch.common.Streams;
import io.upwatch.common.TaskId;
import io.upwatch.common.queue.StreamEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/** What the local worker and an operator do to the streams, seen from a test against real Redis. */
final class StreamFixture {

  // Adds an entry and delivers it to the given consumer in one step, so no live worker gets it.
  private static final RedisScript<String> ADD_AND_DELIVER =
      RedisScript.of(
          """
          local id = redis.call('XADD', KEYS[1], '*', unpack(ARGV, 3))
          local read = redis.call('XREADGROUP', 'GROUP', ARGV[1], ARGV[2], 'COUNT', 1,
              'STREAMS', KEYS[1], '>')
          return id .. ' ' .. read[1][2][1][1]
          """,
          String.class);

  private final StringRedisTemplate redis;

  StreamFixture(StringRedisTemplate redis) {
    this.redis = redis;
  }

  void flush() {
    redis.execute(
        (RedisCallback<Void>)
            connection -> {
              connection.serverCommands().flushDb();
              return null;
            });
  }

  RecordId addTask(CheckTask task) {
    return addRaw(task.toFields());
  }

  RecordId addRaw(Map<String, String> fields) {
    return redis.opsForStream().add(StreamRecords.newRecord().in(Streams.TASKS).ofMap(fields));
  }

  /**
   * A task delivered to {@code consumer} that never saw it: what a worker that died leaves pending,
   * and what a read cut short by a shutdown leaves on a live worker.
   */
  RecordId strand(CheckTask task, String consumer) {
    List<String> args = new ArrayList<>(List.of(Streams.MONITORING_GROUP, consumer));
    task.toFields().forEach((field, value) -> args.addAll(List.of(field, value)));
    String[] ids =
        redis.execute(ADD_AND_DELIVER, List.of(Streams.TASKS), args.toArray()).split(" ");
    assertThat(ids[1]).as("the consumer got the entry just added").isEqualTo(ids[0]);
    return RecordId.of(ids[0]);
  }

  List<CheckResult> resultsFor(TaskId id) {
    return redis.opsForStream().range(Streams.RESULTS, Range.unbounded()).stream()
        .map(r -> CheckResult.fromFields(StreamEntry.of(r).fields()))
        .filter(result -> result.id().equals(id))
        .toList();
  }

  List<Map<String, String>> deadLetters() {
    return redis.opsForStream().range(Streams.DEAD_LETTERS, Range.unbounded()).stream()
        .map(r -> StreamEntry.of(r).fields())
        .toList();
  }

  long pending() {
    return redis
        .opsForStream()
        .pending(Streams.TASKS, Streams.MONITORING_GROUP)
        .getTotalPendingMessages();
  }

  boolean groupExists() {
    return Boolean.TRUE.equals(redis.hasKey(Streams.TASKS))
        && redis.opsForStream().groups(Streams.TASKS).stream()
            .anyMatch(group -> group.groupName().equals(Streams.MONITORING_GROUP));
  }
}

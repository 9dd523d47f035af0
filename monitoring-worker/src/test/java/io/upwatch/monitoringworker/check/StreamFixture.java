package io.upwatch.monitoringworker.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.upwatch.common.CheckResult;
import io.upwatch.common.CheckTask;
import io.upwatch.common.Streams;
import io.upwatch.common.TaskId;
import io.upwatch.common.queue.EntryRef;
import io.upwatch.common.queue.QueuePartitions;
import io.upwatch.common.queue.StreamEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * What the local worker and an operator do to one region's partitioned streams, seen from a test
 * against real Redis.
 */
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
  private final QueuePartitions partitions;
  private final String region;

  StreamFixture(StringRedisTemplate redis, String region) {
    this.redis = redis;
    this.partitions = TestWorkers.PARTITIONS;
    this.region = region;
  }

  void flush() {
    redis.execute(
        (RedisCallback<Void>)
            connection -> {
              connection.serverCommands().flushDb();
              return null;
            });
  }

  /** The key of the region's task stream in a partition. */
  String tasks(int partition) {
    return Streams.tasks(partition, region);
  }

  EntryRef addTask(CheckTask task) {
    int partition = partitions.of(task.id().urlId());
    return new EntryRef(partition, add(partition, task.toFields()));
  }

  /** An entry that is no task, in the first partition. */
  EntryRef addRaw(Map<String, String> fields) {
    return new EntryRef(0, add(0, fields));
  }

  // Then rings the doorbell, as the local worker does: idle workers look for new tasks when rung.
  private RecordId add(int partition, Map<String, String> fields) {
    RecordId id =
        redis.opsForStream().add(StreamRecords.newRecord().in(tasks(partition)).ofMap(fields));
    redis.opsForValue().set(Streams.tasksPublished(region), UUID.randomUUID().toString());
    return id;
  }

  /**
   * A task delivered to {@code consumer} that never saw it: what a worker that died leaves pending,
   * and what a read cut short by a shutdown leaves on a live worker.
   */
  EntryRef strand(CheckTask task, String consumer) {
    int partition = partitions.of(task.id().urlId());
    List<String> args = new ArrayList<>(List.of(Streams.MONITORING_GROUP, consumer));
    task.toFields().forEach((field, value) -> args.addAll(List.of(field, value)));
    String[] ids =
        redis.execute(ADD_AND_DELIVER, List.of(tasks(partition)), args.toArray()).split(" ");
    assertThat(ids[1]).as("the consumer got the entry just added").isEqualTo(ids[0]);
    return new EntryRef(partition, RecordId.of(ids[0]));
  }

  List<CheckResult> resultsFor(TaskId id) {
    return redis
        .opsForStream()
        .range(Streams.results(partitions.of(id.urlId())), Range.unbounded())
        .stream()
        .map(r -> CheckResult.fromFields(StreamEntry.fieldsOf(r)))
        .filter(result -> result.id().equals(id))
        .toList();
  }

  List<Map<String, String>> deadLetters() {
    return partitions
        .all()
        .boxed()
        .flatMap(
            p ->
                redis
                    .opsForStream()
                    .range(Streams.taskDeadLetters(p, region), Range.unbounded())
                    .stream())
        .map(StreamEntry::fieldsOf)
        .toList();
  }

  long pending() {
    return partitions
        .all()
        .mapToLong(
            p ->
                redis
                    .opsForStream()
                    .pending(tasks(p), Streams.MONITORING_GROUP)
                    .getTotalPendingMessages())
        .sum();
  }

  boolean groupExists() {
    return partitions
        .all()
        .allMatch(
            p ->
                Boolean.TRUE.equals(redis.hasKey(tasks(p)))
                    && redis.opsForStream().groups(tasks(p)).stream()
                        .anyMatch(group -> group.groupName().equals(Streams.MONITORING_GROUP)));
  }
}

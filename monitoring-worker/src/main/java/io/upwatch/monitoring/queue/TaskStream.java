package io.upwatch.monitoring.queue;

import io.upwatch.common.CheckResult;
import io.upwatch.common.Streams;
import io.upwatch.monitoring.MonitoringProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StreamOperations;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/** This worker's view of the task, result and dead-letter streams. */
@Component
class TaskStream {

  private static final Logger log = LoggerFactory.getLogger(TaskStream.class);

  private final StreamOperations<String, Object, Object> streams;
  private final Consumer consumer;
  private final XAddOptions deadLettersCap;
  private final AutoClaim autoClaim;
  private final HandBack handBack;
  private static final RedisScript<Long> PUBLISH_AND_ACK =
      RedisScript.of(
          """
          local i = 3
          local tasks = {}
          while i <= #ARGV do
            local count = tonumber(ARGV[i + 1])
            redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*',
                unpack(ARGV, i + 2, i + 1 + 2 * count))
            tasks[#tasks + 1] = ARGV[i]
            i = i + 2 + 2 * count
          end
          return redis.call('XACK', KEYS[2], ARGV[2], unpack(tasks))
          """,
          Long.class);

  private final StringRedisTemplate redis;
  private final long resultsMaxLength;
  private final ResultBatches results = new ResultBatches(this::publish);

  TaskStream(StringRedisTemplate redis, MonitoringProperties properties) {
    this.redis = redis;
    this.resultsMaxLength = properties.resultsMaxLength();
    this.streams = redis.opsForStream();
    this.consumer = Consumer.from(Streams.MONITORING_GROUP, properties.workerId());
    this.deadLettersCap =
        XAddOptions.maxlen(properties.deadLettersMaxLength()).approximateTrimming(true);
    this.autoClaim = new AutoClaim(redis, consumer, properties.concurrency());
    // Own pending entries: the checks in flight, one read whose reply was lost, and results that
    // could not be published; more than that wait for their lease.
    this.handBack = new HandBack(redis, consumer, 4 * properties.concurrency());
  }

  /** Creates the consumer group, and the stream with it, unless they exist. */
  void ensureGroup() {
    try {
      streams.createGroup(Streams.TASKS, ReadOffset.from("0-0"), Streams.MONITORING_GROUP);
      log.info("Created consumer group {} on {}", Streams.MONITORING_GROUP, Streams.TASKS);
    } catch (RuntimeException e) {
      if (!saysBusyGroup(e)) {
        throw e;
      }
    }
  }

  /** Up to {@code count} tasks never delivered before, waiting at most {@code block} for one. */
  List<TaskEntry> read(int count, Duration block) {
    List<MapRecord<String, Object, Object>> records =
        streams.read(
            consumer,
            StreamReadOptions.empty().count(count).block(block),
            StreamOffset.create(Streams.TASKS, ReadOffset.lastConsumed()));
    if (records == null) {
      return List.of();
    }
    return records.stream().map(r -> new TaskEntry(r.getId(), strings(r.getValue()), 1)).toList();
  }

  /** Takes over up to {@code count} tasks idle for at least {@code lease}, from any consumer. */
  Reclaimed reclaim(String cursor, int count, Duration lease) {
    return autoClaim.claim(cursor, count, lease);
  }

  /**
   * Makes every task pending on this worker, except the {@code running} ones, claimable by other
   * workers at once (see {@link HandBack}); returns how many. Throws when Redis does not answer
   * within a couple of seconds.
   */
  long handBack(Set<String> running) {
    return handBack.handBack(running);
  }

  /**
   * Publishes the result, then acknowledges its task; returns when both are done. Results of checks
   * finishing together go to Redis in one pipelined batch (see {@link ResultBatches}).
   */
  void publishAndAcknowledge(RecordId task, CheckResult result) {
    results.publish(task, result);
  }

  /**
   * One round trip for a whole batch: a script adds every result to the result stream and only then
   * acknowledges the tasks. If an add fails the script stops there, so no task is acknowledged
   * without its result (results added before the failure are published again after the lease).
   */
  private void publish(List<ResultBatches.Pending> batch) {
    List<String> args = new ArrayList<>();
    args.add(Long.toString(resultsMaxLength));
    args.add(Streams.MONITORING_GROUP);
    for (var pending : batch) {
      Map<String, String> fields = pending.result().toFields();
      args.add(pending.task().getValue());
      args.add(Integer.toString(fields.size()));
      fields.forEach(
          (name, value) -> {
            args.add(name);
            args.add(value);
          });
    }
    redis.execute(PUBLISH_AND_ACK, List.of(Streams.RESULTS, Streams.TASKS), args.toArray());
  }

  void acknowledge(RecordId id) {
    streams.acknowledge(Streams.TASKS, Streams.MONITORING_GROUP, id);
  }

  /** Copies the entry to the dead-letter stream with the reason, then acknowledges it. */
  void deadLetter(TaskEntry entry, String reason) {
    Map<String, String> fields = new LinkedHashMap<>(entry.fields());
    fields.put("deadReason", reason);
    fields.put("deadSourceId", entry.id().getValue());
    fields.put("deadDeliveries", Long.toString(entry.deliveries()));
    fields.put("deadWorker", consumer.getName());
    streams.add(StreamRecords.newRecord().in(Streams.DEAD_LETTERS).ofMap(fields), deadLettersCap);
    acknowledge(entry.id());
  }

  /** Forgets consumers that own nothing and were idle this long: worker ids change per process. */
  void forgetIdleConsumers(Duration idle) {
    for (var info : streams.consumers(Streams.TASKS, Streams.MONITORING_GROUP)) {
      boolean self = info.consumerName().equals(consumer.getName());
      if (!self && info.pendingCount() == 0 && info.idleTime().compareTo(idle) > 0) {
        streams.deleteConsumer(
            Streams.TASKS, Consumer.from(Streams.MONITORING_GROUP, info.consumerName()));
        log.debug("Forgot idle consumer {}", info.consumerName());
      }
    }
  }

  static Map<String, String> strings(Map<?, ?> values) {
    Map<String, String> fields = new HashMap<>();
    values.forEach((key, value) -> fields.put(String.valueOf(key), String.valueOf(value)));
    return fields;
  }

  private static boolean saysBusyGroup(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains("BUSYGROUP")) {
        return true;
      }
    }
    return false;
  }
}

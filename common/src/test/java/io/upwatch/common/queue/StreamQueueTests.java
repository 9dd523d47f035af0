package io.upwatch.common.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.upwatch.common.CheckTask;
import io.upwatch.common.Streams;
import io.upwatch.common.TaskId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.RecordId;

/** Both ends of one queue, against the local Redis. */
class StreamQueueTests {

  private static final Duration NO_WAIT = Duration.ofMillis(10);

  private QueueRedis redis;
  private TaskQueue tasks;

  @BeforeEach
  void connect() {
    redis = new QueueRedis();
    redis.flush();
    tasks = new TaskQueue(redis.redis, 10, StreamQueue.UNCAPPED);
    tasks.ensureGroup();
  }

  @AfterEach
  void disconnect() {
    redis.flush();
    redis.close();
  }

  @Test
  void ensuringAnExistingGroupKeepsItsPositionAndPendingEntries() {
    tasks.publish(List.of(task(1)));
    tasks.readNew("a", 10, NO_WAIT);

    tasks.ensureGroup();

    assertThat(tasks.readPending("a", 10)).hasSize(1);
    assertThat(tasks.readNew("a", 10, NO_WAIT)).isEmpty();
  }

  @Test
  void publishedTasksAreDeliveredOnceAndStayPendingUntilAcknowledged() {
    tasks.publish(List.of(task(1), task(2)));

    var read = tasks.readNew("a", 10, NO_WAIT);

    assertThat(read)
        .extracting(e -> CheckTask.fromFields(e.fields()))
        .containsExactly(task(1), task(2));
    assertThat(tasks.readNew("b", 10, NO_WAIT)).isEmpty();
    assertThat(tasks.readPending("a", 10))
        .extracting(StreamEntry::id)
        .containsExactly(read.get(0).id(), read.get(1).id());
    tasks.acknowledge(List.of(read.get(0).id(), read.get(1).id()));
    assertThat(tasks.readPending("a", 10)).isEmpty();
  }

  @Test
  void oldestUnfinishedEntryIsThePendingOneThenTheUndeliveredOneThenNone() throws Exception {
    assertThat(tasks.oldestUnfinished()).isEmpty();
    tasks.publish(List.of(task(1)));
    Thread.sleep(5);
    tasks.publish(List.of(task(2)));
    var first = tasks.readNew("a", 1, NO_WAIT).getFirst().id();

    assertThat(tasks.oldestUnfinished()).contains(Instant.ofEpochMilli(first.getTimestamp()));

    tasks.acknowledge(List.of(first));
    var second = tasks.readNew("a", 1, NO_WAIT).getFirst().id();
    tasks.acknowledge(List.of(second));
    tasks.publish(List.of(task(3)));
    var third = tasks.readNew("a", 1, NO_WAIT).getFirst().id();
    tasks.acknowledge(List.of(third));
    assertThat(tasks.oldestUnfinished()).isEmpty();

    tasks.publish(List.of(task(4)));
    var undelivered = redisIdOfLastEntry();
    assertThat(tasks.oldestUnfinished())
        .contains(Instant.ofEpochMilli(undelivered.getTimestamp()))
        .get()
        .isNotEqualTo(Instant.ofEpochMilli(first.getTimestamp()));
  }

  private RecordId redisIdOfLastEntry() {
    return redis
        .redis
        .opsForStream()
        .reverseRange(
            Streams.TASKS,
            Range.unbounded(),
            org.springframework.data.redis.connection.Limit.limit().count(1))
        .getFirst()
        .getId();
  }

  @Test
  void reclaimTakesOverOnlyEntriesIdlePastTheLeaseAndCountsTheirDeliveries() throws Exception {
    tasks.publish(List.of(task(1)));
    var id = tasks.readNew("dead", 10, NO_WAIT).getFirst().id();

    assertThat(tasks.reclaim("b", Reclaimed.START, 10, Duration.ofMinutes(1)).entries()).isEmpty();
    Thread.sleep(50);
    Reclaimed reclaimed = tasks.reclaim("b", Reclaimed.START, 10, Duration.ofMillis(20));

    assertThat(reclaimed.scanComplete()).isTrue();
    assertThat(reclaimed.entries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.id()).isEqualTo(id);
              assertThat(e.deliveries()).isEqualTo(2);
              assertThat(CheckTask.fromFields(e.fields())).isEqualTo(task(1));
            });
    assertThat(tasks.readPending("b", 10)).extracting(StreamEntry::id).containsExactly(id);
    assertThat(tasks.readPending("dead", 10)).isEmpty();
  }

  @Test
  void handedBackTasksAreReclaimedAtOnceWithoutCountingADelivery() {
    tasks.publish(List.of(task(1), task(2)));
    var read = tasks.readNew("a", 10, NO_WAIT);
    String running = read.get(1).id().getValue();

    assertThat(tasks.handBack("a", Set.of(running), 10)).isEqualTo(1);
    Reclaimed reclaimed = tasks.reclaim("b", Reclaimed.START, 10, Duration.ofMinutes(1));

    assertThat(reclaimed.entries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.id()).isEqualTo(read.get(0).id());
              assertThat(e.deliveries()).isEqualTo(1);
            });
  }

  @Test
  void deadLetterKeepsTheFieldsAddsReasonAndOriginalIdAndAcknowledges() {
    tasks.publish(List.of(task(1)));
    var entry = tasks.readNew("a", 10, NO_WAIT).getFirst();

    tasks.deadLetter(entry, "malformed: no");

    var dead = redis.redis.opsForStream().range(Streams.DEAD_LETTERS, Range.unbounded());
    assertThat(dead)
        .singleElement()
        .satisfies(
            r ->
                assertThat(StreamEntry.of(r).fields())
                    .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                            "id",
                            "1:60000",
                            "url",
                            "http://example.com/1",
                            "timeoutMs",
                            "1000",
                            "deadLetterReason",
                            "malformed: no",
                            "originalId",
                            entry.id().getValue())));
    assertThat(tasks.readPending("a", 10)).isEmpty();
  }

  @Test
  void idleConsumersAreForgottenButNotSelfNorThoseHoldingEntries() throws Exception {
    tasks.publish(List.of(task(1), task(2), task(3)));
    tasks.readNew("holder", 1, NO_WAIT);
    tasks.acknowledge(ids(tasks.readNew("gone", 1, NO_WAIT)));
    tasks.acknowledge(ids(tasks.readNew("self", 1, NO_WAIT)));
    Thread.sleep(100);

    assertThat(tasks.forgetIdleConsumers("self", Duration.ofMillis(50))).isEqualTo(1);
    assertThat(redis.redis.opsForStream().consumers(Streams.TASKS, Streams.MONITORING_GROUP))
        .extracting(c -> c.consumerName())
        .containsExactlyInAnyOrder("holder", "self");
  }

  @Test
  void theStreamIsAtItsCapOnlyOnceItHoldsThatManyEntries() {
    tasks.publish(IntStream.range(1, 10).mapToObj(StreamQueueTests::task).toList());
    assertThat(tasks.atCap()).isFalse();

    tasks.publish(List.of(task(10)));

    assertThat(tasks.atCap()).isTrue();
    assertThat(new TaskQueue(redis.redis, StreamQueue.UNCAPPED, 10).atCap()).isFalse();
  }

  private static List<RecordId> ids(List<StreamEntry> entries) {
    return entries.stream().map(StreamEntry::id).toList();
  }

  private static CheckTask task(int n) {
    return new CheckTask(
        new TaskId(n, Instant.ofEpochMilli(60_000)),
        "http://example.com/" + n,
        Duration.ofSeconds(1));
  }
}

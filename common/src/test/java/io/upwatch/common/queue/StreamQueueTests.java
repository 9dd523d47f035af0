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
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.data.domain.Range;

/** Both ends of one partitioned queue, on a single Redis and on a three-node Redis Cluster. */
@ParameterizedClass
@EnumSource(QueueRedis.Topology.class)
class StreamQueueTests {

  static final Duration NO_WAIT = Duration.ofMillis(10);
  static final QueuePartitions PARTITIONS = new QueuePartitions(4);

  @Parameter QueueRedis.Topology topology;

  private QueueRedis redis;
  private TaskQueue tasks;

  @BeforeEach
  void connect() {
    redis = QueueRedis.connect(topology);
    redis.flush();
    tasks = new TaskQueue(redis.redis, PARTITIONS, "eu", 40, StreamQueue.UNCAPPED);
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
  void eachTaskGoesToItsUrlsPartitionAndIsDeliveredOnceUntilAcknowledged() {
    List<CheckTask> published =
        LongStream.rangeClosed(1, 12).mapToObj(StreamQueueTests::task).toList();
    tasks.publish(published);

    var read = tasks.readNew("a", 100, NO_WAIT);

    assertThat(read)
        .extracting(e -> CheckTask.fromFields(e.fields()))
        .containsExactlyInAnyOrderElementsOf(published);
    assertThat(read)
        .allSatisfy(
            e ->
                assertThat(e.partition())
                    .isEqualTo(PARTITIONS.of(CheckTask.fromFields(e.fields()).id().urlId())));
    assertThat(read).extracting(StreamEntry::partition).containsAll(List.of(0, 1, 2, 3));
    assertThat(tasks.readNew("b", 100, NO_WAIT)).isEmpty();
    assertThat(tasks.readPending("a", 100))
        .extracting(StreamEntry::ref)
        .containsExactlyInAnyOrderElementsOf(refs(read));
    tasks.acknowledge(refs(read));
    assertThat(tasks.readPending("a", 100)).isEmpty();
  }

  @Test
  void aReadNeverReturnsMoreThanAskedAndReachesEveryPartitionInTurn() {
    tasks.publish(LongStream.rangeClosed(1, 40).mapToObj(StreamQueueTests::task).toList());

    assertThat(tasks.readNew("a", 1, NO_WAIT)).hasSize(1);
    assertThat(tasks.readNew("a", 3, NO_WAIT)).hasSize(3);
    assertThat(tasks.readNew("a", 7, NO_WAIT)).hasSize(7);
    // However the rest is spread, partitions that run dry leave their share to the others.
    var rest = tasks.readNew("a", 100, NO_WAIT);
    assertThat(rest).hasSize(40 - 11);
    assertThat(tasks.readNew("a", 100, NO_WAIT)).isEmpty();
    assertThat(tasks.readPending("a", 5)).hasSize(5);
    assertThat(tasks.readPending("a", 100)).hasSize(40);
  }

  @Test
  void aFullPartitionGivesItsRestToTheOthersShareInTheNextRound() {
    long url = urlIn(2, 1);
    tasks.publish(IntStream.range(0, 10).mapToObj(i -> task(url, 60_000L * (i + 1))).toList());

    assertThat(tasks.readNew("a", 9, NO_WAIT)).hasSize(9).allMatch(e -> e.partition() == 2);
    assertThat(tasks.readPending("a", 9))
        .as("pending entries are re-read in rounds too, without repeats")
        .extracting(e -> e.id())
        .doesNotHaveDuplicates()
        .hasSize(9);
  }

  @Test
  void aReadWaitsForAnEntryPublishedWhileAllPartitionsAreEmpty() throws Exception {
    var timed = readNewWhile(tasks, 300, () -> tasks.publish(List.of(task(7))));

    assertThat(timed.read()).hasSize(1);
    assertThat(timed.waitedMillis())
        .as(
            "seen within a poll pause of its publication (slack for a loaded machine), not at the end of the 5 s wait")
        .isLessThan(300 + StreamQueue.MAX_POLL_PAUSE.toMillis() + 1500);
  }

  @Test
  void anIdleReaderLooksOverThePartitionsOnlyWhenRungOrOnceASecond() throws Exception {
    long url = urlIn(2, 1);
    // Added as a publisher that does not ring would (an older version, a lost ring).
    var timed =
        readNewWhile(
            tasks, 200, () -> redis.redis.opsForStream().add(tasks.key(2), task(url).toFields()));

    assertThat(timed.read()).singleElement().satisfies(e -> assertThat(e.partition()).isEqualTo(2));
    assertThat(timed.waitedMillis())
        .as("not looked for until the unprompted look a second after the first")
        .isGreaterThanOrEqualTo(PartitionReads.UNRUNG_LOOK_EVERY.toMillis() - 50)
        .as("but found then, not at the end of the 5 s wait (slack for a loaded machine)")
        .isLessThan(PartitionReads.UNRUNG_LOOK_EVERY.toMillis() + 2000);
  }

  @Test
  void aRungPublicationIsSeenAtOnceByAReaderThatHadFoundNothing() throws Exception {
    assertThat(tasks.readNew("a", 10, NO_WAIT)).isEmpty();

    var timed = readNewWhile(tasks, 200, () -> tasks.publish(List.of(task(urlIn(3, 1)))));

    assertThat(timed.read()).hasSize(1);
    assertThat(timed.waitedMillis())
        .as("seen within a poll pause of its ring, before the unprompted look")
        .isLessThan(PartitionReads.UNRUNG_LOOK_EVERY.toMillis() - 100);
  }

  @Test
  void oldestUnfinishedIsTheOldestOverAllPartitions() throws Exception {
    assertThat(tasks.oldestUnfinished()).isEmpty();
    tasks.publish(List.of(task(urlIn(1, 1))));
    Thread.sleep(5);
    tasks.publish(List.of(task(urlIn(3, 1))));
    var read = tasks.readNew("a", 10, NO_WAIT);
    var first = read.stream().filter(e -> e.partition() == 1).findFirst().orElseThrow();
    var second = read.stream().filter(e -> e.partition() == 3).findFirst().orElseThrow();

    assertThat(tasks.oldestUnfinished()).contains(timeOf(first));

    tasks.acknowledge(List.of(first.ref()));
    assertThat(tasks.oldestUnfinished()).contains(timeOf(second));
    tasks.acknowledge(List.of(second.ref()));
    assertThat(tasks.oldestUnfinished()).isEmpty();

    tasks.publish(List.of(task(urlIn(2, 1))));
    var undelivered = lastEntryIn(2);
    assertThat(tasks.oldestUnfinished())
        .contains(Instant.ofEpochMilli(undelivered.getTimestamp()))
        .get()
        .isNotEqualTo(timeOf(first));
  }

  @Test
  void reclaimWalksEveryPartitionTakingOnlyEntriesIdlePastTheLeaseAndCountsTheirDeliveries()
      throws Exception {
    List<CheckTask> stranded = List.of(task(urlIn(0, 1)), task(urlIn(1, 1)), task(urlIn(3, 1)));
    tasks.publish(stranded);
    var read = tasks.readNew("dead", 10, NO_WAIT);

    assertThat(tasks.reclaim("b", ReclaimCursor.START, 10, Duration.ofMinutes(1)).entries())
        .isEmpty();
    Thread.sleep(50);
    Reclaimed first = tasks.reclaim("b", ReclaimCursor.START, 2, Duration.ofMillis(20));
    Reclaimed second = tasks.reclaim("b", first.cursor(), 2, Duration.ofMillis(20));

    assertThat(first.scanComplete()).isFalse();
    assertThat(first.entries()).hasSize(2);
    assertThat(second.scanComplete()).isTrue();
    var reclaimed = concat(first.entries(), second.entries());
    assertThat(reclaimed)
        .extracting(StreamEntry::ref)
        .containsExactlyInAnyOrderElementsOf(refs(read));
    assertThat(reclaimed).allSatisfy(e -> assertThat(e.deliveries()).isEqualTo(2));
    assertThat(reclaimed)
        .extracting(e -> CheckTask.fromFields(e.fields()))
        .containsExactlyInAnyOrderElementsOf(stranded);
    assertThat(tasks.readPending("b", 10)).hasSize(3);
    assertThat(tasks.readPending("dead", 10)).isEmpty();
  }

  @Test
  void handedBackTasksAreReclaimedAtOnceWithoutCountingADeliveryInEveryPartition() {
    tasks.publish(List.of(task(urlIn(0, 1)), task(urlIn(1, 1)), task(urlIn(1, 2))));
    var read = tasks.readNew("a", 10, NO_WAIT);
    var inOne = read.stream().filter(e -> e.partition() == 1).toList();
    EntryRef running = inOne.get(0).ref();
    // An id is an entry only in its own partition: this protects nothing.
    EntryRef elsewhere = new EntryRef(0, inOne.get(1).id());

    assertThat(tasks.handBack("a", Set.of(running, elsewhere), 10)).isEqualTo(2);
    Reclaimed reclaimed = tasks.reclaim("b", ReclaimCursor.START, 10, Duration.ofMinutes(1));

    assertThat(reclaimed.entries())
        .extracting(StreamEntry::ref)
        .containsExactlyInAnyOrderElementsOf(
            refs(read).stream().filter(r -> !r.equals(running)).toList());
    assertThat(reclaimed.entries()).allSatisfy(e -> assertThat(e.deliveries()).isEqualTo(1));
  }

  @Test
  void deadLetterGoesToItsPartitionWithTheFieldsReasonAndOriginalIdAndAcknowledges() {
    long url = urlIn(2, 1);
    tasks.publish(List.of(task(url)));
    var entry = tasks.readNew("a", 10, NO_WAIT).getFirst();

    tasks.deadLetter(entry, "malformed: no");

    var dead =
        redis.redis.opsForStream().range(Streams.taskDeadLetters(2, "eu"), Range.unbounded());
    assertThat(dead)
        .singleElement()
        .satisfies(
            r ->
                assertThat(StreamEntry.fieldsOf(r))
                    .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                            "id",
                            url + ":60000",
                            "url",
                            "http://example.com/" + url,
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
    tasks.acknowledge(refs(tasks.readNew("gone", 1, NO_WAIT)));
    tasks.acknowledge(refs(tasks.readNew("self", 1, NO_WAIT)));
    Thread.sleep(100);

    assertThat(tasks.forgetIdleConsumers("self", Duration.ofMillis(50))).isEqualTo(1);
    assertThat(
            PARTITIONS
                .all()
                .boxed()
                .flatMap(
                    p ->
                        redis
                            .redis
                            .opsForStream()
                            .consumers(tasks.key(p), Streams.MONITORING_GROUP)
                            .stream())
                .map(c -> c.consumerName()))
        .containsExactlyInAnyOrder("holder", "self");
  }

  @Test
  void theStreamIsAtItsCapOnceAnyPartitionHoldsItsShareOfTheCap() {
    // 40 over 4 partitions: 10 each.
    tasks.publish(IntStream.range(1, 10).mapToObj(i -> task(urlIn(1, i))).toList());
    assertThat(tasks.atCap()).isFalse();

    tasks.publish(List.of(task(urlIn(1, 10))));

    assertThat(tasks.atCap()).isTrue();
    assertThat(tasks.length()).isEqualTo(10);
    assertThat(new TaskQueue(redis.redis, PARTITIONS, "eu", StreamQueue.UNCAPPED, 10).atCap())
        .isFalse();
  }

  @Test
  void aRegionsWorkersNeverSeeAnotherRegionsTasks() {
    var us = new TaskQueue(redis.redis, PARTITIONS, "us", 40, StreamQueue.UNCAPPED);
    us.ensureGroup();
    us.publish(List.of(task(1), task(2)));

    assertThat(tasks.readNew("eu-worker", 10, NO_WAIT)).isEmpty();
    assertThat(us.readNew("us-worker", 10, NO_WAIT)).hasSize(2);
  }

  static List<EntryRef> refs(List<StreamEntry> entries) {
    return entries.stream().map(StreamEntry::ref).toList();
  }

  private static List<StreamEntry> concat(List<StreamEntry> a, List<StreamEntry> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  private static Instant timeOf(StreamEntry entry) {
    return Instant.ofEpochMilli(entry.id().getTimestamp());
  }

  private org.springframework.data.redis.connection.stream.RecordId lastEntryIn(int partition) {
    return redis
        .redis
        .opsForStream()
        .reverseRange(
            tasks.key(partition),
            Range.unbounded(),
            org.springframework.data.redis.connection.Limit.limit().count(1))
        .getFirst()
        .getId();
  }

  /** What a read of up to 5 s returned, and how long it took. */
  record TimedRead(List<StreamEntry> read, long waitedMillis) {}

  /**
   * Reads new entries of {@code queue} for up to 5 s while another thread runs {@code action} after
   * a delay.
   */
  static TimedRead readNewWhile(StreamQueue queue, long delayMillis, Runnable action)
      throws InterruptedException {
    var other =
        Thread.ofVirtual()
            .start(
                () -> {
                  sleep(delayMillis);
                  action.run();
                });
    long start = System.nanoTime();
    var read = queue.readNew("a", 10, Duration.ofSeconds(5));
    long waitedMillis = (System.nanoTime() - start) / 1_000_000;
    other.join();
    return new TimedRead(read, waitedMillis);
  }

  /** The {@code n}th URL id (from 1) whose partition is {@code partition}. */
  static long urlIn(int partition, int n) {
    return LongStream.iterate(1, id -> id + 1)
        .filter(id -> PARTITIONS.of(id) == partition)
        .skip(n - 1)
        .findFirst()
        .orElseThrow();
  }

  static CheckTask task(long url) {
    return task(url, 60_000);
  }

  private static CheckTask task(long url, long slotMillis) {
    return new CheckTask(
        new TaskId(url, Instant.ofEpochMilli(slotMillis)),
        "http://example.com/" + url,
        Duration.ofSeconds(1));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package io.upwatch.common.queue;

import static io.upwatch.common.queue.StreamQueueTests.NO_WAIT;
import static io.upwatch.common.queue.StreamQueueTests.PARTITIONS;
import static io.upwatch.common.queue.StreamQueueTests.task;
import static io.upwatch.common.queue.StreamQueueTests.urlIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.upwatch.common.CheckResult;
import io.upwatch.common.FailureKind;
import io.upwatch.common.TaskId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Publishing results, which acknowledges their tasks in the same script per partition, on a single
 * Redis and on a three-node Redis Cluster (where a script touching two slots would be refused).
 */
@ParameterizedClass
@EnumSource(QueueRedis.Topology.class)
class ResultQueueTests {

  @Parameter QueueRedis.Topology topology;

  private QueueRedis redis;
  private TaskQueue tasks;
  private ResultQueue results;

  @BeforeEach
  void connect() {
    redis = QueueRedis.connect(topology);
    redis.flush();
    tasks = new TaskQueue(redis.redis, PARTITIONS, "eu", 1000, StreamQueue.UNCAPPED);
    tasks.ensureGroup();
    results = new ResultQueue(redis.redis, PARTITIONS, 1000, StreamQueue.UNCAPPED);
    results.ensureGroup();
  }

  @AfterEach
  void disconnect() {
    redis.flush();
    redis.close();
  }

  @Test
  void publishingResultsAcknowledgesTheirTasksEachInItsPartition() {
    var published = List.of(task(urlIn(0, 1)), task(urlIn(2, 1)), task(urlIn(2, 2)));
    tasks.publish(published);
    var entries = tasks.readNew("worker", 10, NO_WAIT);
    List<ResultQueue.Answer> answers =
        entries.stream()
            .map(
                e ->
                    new ResultQueue.Answer(
                        e.ref(), result(io.upwatch.common.CheckTask.fromFields(e.fields()).id())))
            .toList();

    results.publishAndAcknowledge(answers, tasks);

    assertThat(tasks.readPending("worker", 10)).isEmpty();
    var stored = results.readNew("ingest", 10, NO_WAIT);
    assertThat(stored)
        .extracting(e -> CheckResult.fromFields(e.fields()))
        .containsExactlyInAnyOrderElementsOf(
            answers.stream().map(ResultQueue.Answer::result).toList());
    assertThat(stored)
        .allSatisfy(
            e ->
                assertThat(e.partition())
                    .isEqualTo(PARTITIONS.of(CheckResult.fromFields(e.fields()).id().urlId())));
  }

  @Test
  void resultsThatAnswerNoTaskGoToTheirUrlsPartition() {
    var pings =
        List.of(
            result(new TaskId(urlIn(1, 1), Instant.ofEpochMilli(1))),
            result(new TaskId(urlIn(3, 1), Instant.ofEpochMilli(2))));

    results.publish(pings);
    results.publish(result(new TaskId(urlIn(3, 2), Instant.ofEpochMilli(3))));

    var stored = results.readNew("ingest", 10, NO_WAIT);
    assertThat(stored).extracting(StreamEntry::partition).containsExactlyInAnyOrder(1, 3, 3);
  }

  @Test
  void publishedResultsRingSoAnIdleIngestorReadsThemAtOnce() throws Exception {
    tasks.publish(List.of(task(urlIn(2, 1))));
    var entry = tasks.readNew("worker", 1, NO_WAIT).getFirst();
    var answer =
        new ResultQueue.Answer(
            entry.ref(), result(io.upwatch.common.CheckTask.fromFields(entry.fields()).id()));
    assertThat(results.readNew("a", 10, NO_WAIT)).isEmpty();

    var timed =
        StreamQueueTests.readNewWhile(
            results, 200, () -> results.publishAndAcknowledge(List.of(answer), tasks));

    assertThat(timed.read()).hasSize(1);
    assertThat(timed.waitedMillis())
        .as("seen within a poll pause of the ring, before the unprompted look a second on")
        .isLessThan(PartitionReads.UNRUNG_LOOK_EVERY.toMillis() - 100);
  }

  @Test
  void aQueueThatDoesNotKnowTheCapRefusesToPublish() {
    var consumerEnd =
        new ResultQueue(redis.redis, PARTITIONS, StreamQueue.UNCAPPED, StreamQueue.UNCAPPED);

    assertThatIllegalStateException()
        .isThrownBy(() -> consumerEnd.publishAndAcknowledge(List.of(), tasks));
  }

  private static CheckResult result(TaskId id) {
    return new CheckResult(
        id, Instant.ofEpochMilli(61_000), 5, 503, FailureKind.STATUS, "worker", "eu");
  }
}

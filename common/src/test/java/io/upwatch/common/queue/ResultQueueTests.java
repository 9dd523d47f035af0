package io.upwatch.common.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.upwatch.common.CheckResult;
import io.upwatch.common.CheckTask;
import io.upwatch.common.TaskId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Publishing results, which acknowledges their tasks, against the local Redis. */
class ResultQueueTests {

  private static final Duration NO_WAIT = Duration.ofMillis(10);

  private QueueRedis redis;

  @BeforeEach
  void connect() {
    redis = new QueueRedis();
    redis.flush();
  }

  @AfterEach
  void disconnect() {
    redis.flush();
    redis.close();
  }

  @Test
  void publishingResultsAcknowledgesTheirTasks() {
    var tasks = new TaskQueue(redis.redis, 1000, StreamQueue.UNCAPPED);
    tasks.ensureGroup();
    var task =
        new CheckTask(
            new TaskId(1, Instant.ofEpochMilli(60_000)), "http://x/", Duration.ofSeconds(1));
    tasks.publish(List.of(task));
    var entry = tasks.readNew("worker", 1, NO_WAIT).getFirst();
    var result =
        new CheckResult(task.id(), Instant.ofEpochMilli(61_000), 5, 200, null, "worker", "r");
    var results = new ResultQueue(redis.redis, 1000, StreamQueue.UNCAPPED);
    results.ensureGroup();

    results.publishAndAcknowledge(List.of(new ResultQueue.Answer(entry.id(), result)));

    assertThat(tasks.readPending("worker", 10)).isEmpty();
    assertThat(results.readNew("ingest", 10, NO_WAIT))
        .extracting(e -> CheckResult.fromFields(e.fields()))
        .containsExactly(result);
  }

  @Test
  void aQueueThatDoesNotKnowTheCapRefusesToPublish() {
    var consumerEnd = new ResultQueue(redis.redis, StreamQueue.UNCAPPED, StreamQueue.UNCAPPED);

    assertThatIllegalStateException()
        .isThrownBy(() -> consumerEnd.publishAndAcknowledge(List.of()));
  }
}

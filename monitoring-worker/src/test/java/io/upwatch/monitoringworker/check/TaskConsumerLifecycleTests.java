package io.upwatch.monitoringworker.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.upwatch.common.CheckTask;
import io.upwatch.common.TaskId;
import io.upwatch.common.queue.StreamQueue;
import io.upwatch.common.queue.TaskQueue;
import io.upwatch.monitoringworker.MonitoringProperties;
import io.upwatch.monitoringworker.TestProperties;
import io.upwatch.monitoringworker.probe.ProbeOutcome;
import io.upwatch.monitoringworker.probe.Prober;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Start, stop and Redis outages of the consumer, against real Redis, with a scripted prober. */
@Timeout(60)
class TaskConsumerLifecycleTests {

  private static final int DATABASE = 4;
  private static final String WORKER = "lifecycle-worker";

  private final TestWorkers workers = new TestWorkers(DATABASE);

  @AfterEach
  void closeRedis() {
    workers.close();
  }

  @Test
  void checkStillRunningAfterTheGraceIsHandedBackUnacknowledged() throws Exception {
    var started = new CountDownLatch(1);
    var interrupted = new AtomicBoolean();
    Prober hangs =
        (url, timeout) -> {
          started.countDown();
          try {
            Thread.sleep(Duration.ofMinutes(1));
          } catch (InterruptedException e) {
            interrupted.set(true);
            throw e;
          }
          return new ProbeOutcome(200, null, Duration.ofMinutes(1));
        };
    StreamFixture streams = streams(6379);
    var consumer = consumer(hangs, TestProperties.with(WORKER, 4, Duration.ofMillis(300)));
    consumer.start();
    CheckTask task = task();
    streams.addTask(task);
    started.await();

    consumer.stop();

    await().atMost(Duration.ofSeconds(5)).untilTrue(interrupted);
    assertThat(streams.resultsFor(task.id())).isEmpty();
    assertThat(streams.pending()).isEqualTo(1);
  }

  @Test
  void checkFinishingWithinTheGraceIsPublishedBeforeShutdown() throws Exception {
    var started = new CountDownLatch(1);
    Prober slow =
        (url, timeout) -> {
          started.countDown();
          Thread.sleep(300);
          return new ProbeOutcome(204, null, Duration.ofMillis(300));
        };
    StreamFixture streams = streams(6379);
    var consumer = consumer(slow, TestProperties.with(WORKER, 4, Duration.ofSeconds(5)));
    consumer.start();
    CheckTask task = task();
    streams.addTask(task);
    started.await();

    consumer.stop();

    assertThat(streams.resultsFor(task.id()))
        .singleElement()
        .satisfies(result -> assertThat(result.statusCode()).isEqualTo(204));
    assertThat(streams.pending()).isZero();
  }

  @Test
  void unreachableRedisIsRetriedWithBackoffWithoutDying() throws Exception {
    int closedPort;
    try (var socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    var properties = TestProperties.with(WORKER, 4, Duration.ofMillis(300));
    var attempts = new AtomicInteger();
    var redis = workers.connect(closedPort);
    var tasks =
        new TaskQueue(
            redis,
            TestWorkers.PARTITIONS,
            properties.region(),
            StreamQueue.UNCAPPED,
            properties.deadLettersMaxLength()) {
          @Override
          public void ensureGroup() {
            attempts.incrementAndGet();
            super.ensureGroup();
          }
        };
    var consumer = TestWorkers.consumer((url, timeout) -> null, properties, tasks, redis);

    consumer.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> attempts.get() >= 3);
    Thread.sleep(1000);

    assertThat(consumer.isRunning()).isTrue();
    // Doubling pauses from 100 ms: a handful of attempts in ~2.5 s, not a busy loop.
    assertThat(attempts.get()).isBetween(3, 12);
    consumer.stop();
    assertThat(consumer.isRunning()).isFalse();
  }

  private StreamFixture streams(int port) {
    var streams = new StreamFixture(workers.connect(port), TestProperties.REGION);
    streams.flush();
    return streams;
  }

  private TaskConsumer consumer(Prober prober, MonitoringProperties properties) {
    return workers.consumer(prober, properties);
  }

  private static CheckTask task() {
    return new CheckTask(
        new TaskId(7, Instant.now().truncatedTo(ChronoUnit.MILLIS)),
        "http://127.0.0.1:9/",
        Duration.ofSeconds(1));
  }
}

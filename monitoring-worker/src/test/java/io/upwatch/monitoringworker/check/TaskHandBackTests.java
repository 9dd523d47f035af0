package io.upwatch.monitoringworker.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.upwatch.common.CheckResult;
import io.upwatch.common.CheckTask;
import io.upwatch.common.TaskId;
import io.upwatch.monitoringworker.TestProperties;
import io.upwatch.monitoringworker.probe.ProbeOutcome;
import io.upwatch.monitoringworker.probe.Prober;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A stopping worker hands the tasks it holds but does not finish to the other workers at once, not
 * after the lease: two workers, real Redis, a loopback target counting the checks per task.
 */
@Timeout(60)
class TaskHandBackTests {

  private static final int DATABASE = 5;
  private static final Duration LEASE = Duration.ofSeconds(30);
  // Far below the lease: only a hand-back gets a task to the other worker this soon.
  private static final Duration SOON = Duration.ofSeconds(3);
  private static final AtomicLong urlIds = new AtomicLong(5000);

  private final TestWorkers workers = new TestWorkers(DATABASE);
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<TaskConsumer> started = new ArrayList<>();
  private TargetServer target;
  private StreamFixture streams;

  @BeforeEach
  void cleanRedisAndStartTarget() throws IOException {
    target = new TargetServer();
    streams = new StreamFixture(workers.connect(TestWorkers.REDIS_PORT), TestProperties.REGION);
    streams.flush();
  }

  @AfterEach
  void close() {
    started.stream().filter(TaskConsumer::isRunning).forEach(TaskConsumer::stop);
    workers.close();
    target.close();
    http.close();
  }

  @Test
  void tasksReadButNotStartedGoToAnotherWorkerAtOnceWhileRunningChecksFinish() throws Exception {
    TaskConsumer first = worker("worker-a", Duration.ofSeconds(10));
    first.start();
    CheckTask running = task("/slow/running");
    streams.addTask(running);
    await().atMost(SOON).until(() -> target.hits("/slow/running") == 1);
    // What a read cut short by SIGTERM leaves: delivered to the worker, which never saw them.
    List<CheckTask> unstarted =
        IntStream.range(0, 3).mapToObj(i -> task("/unstarted/" + i)).toList();
    unstarted.forEach(t -> streams.strand(t, "worker-a"));
    worker("worker-b", Duration.ofSeconds(10)).start();

    var stopping = CompletableFuture.runAsync(first::stop);

    await()
        .atMost(SOON)
        .untilAsserted(() -> unstarted.forEach(t -> assertCheckedOnceBy("worker-b", t)));
    assertThat(stopping).as("still waiting for its running check").isNotDone();
    stopping.get();
    assertCheckedOnceBy("worker-a", running);
    await().atMost(SOON).until(() -> streams.pending() == 0);
  }

  @Test
  void checkAbandonedAtTheEndOfTheGraceGoesToAnotherWorkerAtOnce() {
    TaskConsumer first = worker("worker-a", Duration.ofMillis(300));
    first.start();
    CheckTask slow = task("/slow/abandoned");
    streams.addTask(slow);
    await().atMost(SOON).until(() -> target.hits("/slow/abandoned") == 1);
    worker("worker-b", Duration.ofSeconds(10)).start();

    first.stop();

    await().atMost(SOON).until(() -> target.hits("/slow/abandoned") == 2);
    await().atMost(SOON.plus(TargetServer.SLOW)).until(() -> streams.pending() == 0);
    assertPublishedOnceBy("worker-b", slow);
  }

  @Test
  void stopGivesUpHandingBackWhenRedisDoesNotAnswer() throws Exception {
    // Accepts connections (the kernel does) and never answers a command.
    try (var silent = new ServerSocket(0)) {
      var properties = TestProperties.with("worker-a", 1, Duration.ofMillis(300), LEASE);
      var redis = workers.connect(silent.getLocalPort());
      var tasks = QueueConfiguration.tasks(redis, TestWorkers.PARTITIONS, properties);
      TaskConsumer consumer = TestWorkers.consumer(viaHttp(), properties, tasks, redis);
      consumer.start();
      Thread.sleep(500);

      long start = System.nanoTime();
      consumer.stop();

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
    }
  }

  private void assertCheckedOnceBy(String worker, CheckTask task) {
    assertPublishedOnceBy(worker, task);
    assertThat(target.hits(URI.create(task.url()).getPath())).isEqualTo(1);
  }

  private void assertPublishedOnceBy(String worker, CheckTask task) {
    assertThat(streams.resultsFor(task.id()))
        .singleElement()
        .extracting(CheckResult::workerId)
        .isEqualTo(worker);
  }

  // Concurrency 1: a worker busy with one check holds nothing else but what it was handed.
  private TaskConsumer worker(String id, Duration grace) {
    TaskConsumer worker = workers.consumer(viaHttp(), TestProperties.with(id, 1, grace, LEASE));
    started.add(worker);
    return worker;
  }

  private Prober viaHttp() {
    return (task, timeout) -> {
      try {
        var response =
            http.send(
                HttpRequest.newBuilder(URI.create(task.url())).build(),
                HttpResponse.BodyHandlers.discarding());
        return new ProbeOutcome(response.statusCode(), null, Duration.ZERO);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  private CheckTask task(String path) {
    return new CheckTask(
        new TaskId(urlIds.incrementAndGet(), Instant.now().truncatedTo(ChronoUnit.MILLIS)),
        target.url(path),
        Duration.ofSeconds(1));
  }
}

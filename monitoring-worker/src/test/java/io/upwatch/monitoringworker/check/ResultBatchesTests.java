package io.upwatch.monitoringworker.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.upwatch.common.CheckResult;
import io.upwatch.common.TaskId;
import io.upwatch.common.queue.EntryRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.data.redis.connection.stream.RecordId;

@Timeout(10)
class ResultBatchesTests {

  @Test
  void resultsQueuedWhileABatchIsOnItsWayGoTogetherInTheNext() throws Exception {
    var firstSent = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    List<Integer> sizes = new CopyOnWriteArrayList<>();
    var batches =
        new ResultBatches(
            batch -> {
              sizes.add(batch.size());
              firstSent.countDown();
              await(release);
            });
    try (var checks = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<Void> first = submit(checks, batches, 0);
      firstSent.await();
      List<Future<Void>> rest =
          List.of(1, 2, 3).stream().map(n -> submit(checks, batches, n)).toList();
      Thread.sleep(200); // the three are queued behind the first batch
      release.countDown();
      first.get();
      for (Future<Void> f : rest) {
        f.get();
      }
    }
    assertThat(sizes).containsExactly(1, 3);
  }

  @Test
  void aFailedBatchFailsEveryPublishInIt() {
    var batches =
        new ResultBatches(
            batch -> {
              throw new IllegalStateException("Redis is down");
            });

    assertThat(batches.submit(new EntryRef(0, RecordId.of("1-0")), result(1)))
        .failsWithin(Duration.ofSeconds(5))
        .withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(IllegalStateException.class)
        .withMessageContaining("Redis is down");
  }

  private static Future<Void> submit(ExecutorService checks, ResultBatches batches, int n) {
    return checks.submit(() -> publish(batches, n));
  }

  private static Void publish(ResultBatches batches, int n) {
    batches.submit(new EntryRef(0, RecordId.of(n + 1 + "-0")), result(n)).join();
    return null;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static CheckResult result(int n) {
    return new CheckResult(
        new TaskId(n, Instant.ofEpochMilli(0)), Instant.EPOCH, 1, 200, null, "w", "r");
  }
}

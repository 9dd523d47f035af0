package io.upwatch.localworker.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.upwatch.localworker.support.WorkerIntegrationTest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.config.Config;
import org.springframework.beans.factory.annotation.Autowired;

/** One worker at a time runs a maintenance task; without Redis, every worker still runs it. */
@WorkerIntegrationTest
class MaintenanceLockIntegrationTests {

  @Autowired MaintenanceLock lock;

  @Test
  void aSecondWorkerSkipsTheTaskWhileTheFirstRunsIt() {
    AtomicInteger runs = new AtomicInteger();
    boolean ran =
        lock.runExclusively(
            "test-task",
            () -> {
              runs.incrementAndGet();
              // Another worker: another thread, so not the holder of the (reentrant) lock.
              boolean otherRan =
                  CompletableFuture.supplyAsync(
                          () -> lock.runExclusively("test-task", runs::incrementAndGet))
                      .join();
              assertThat(otherRan).isFalse();
            });

    assertThat(ran).isTrue();
    assertThat(runs).hasValue(1);
    assertThat(lock.runExclusively("test-task", runs::incrementAndGet)).isTrue();
    assertThat(runs).hasValue(2);
  }

  @Test
  void withoutRedisTheTaskRunsUnguarded() {
    Config config = new Config().setLazyInitialization(true);
    config
        .useSingleServer()
        .setAddress("redis://127.0.0.1:1")
        .setConnectTimeout(200)
        .setTimeout(200)
        .setRetryAttempts(0);
    var redisless = Redisson.create(config);
    try {
      AtomicInteger runs = new AtomicInteger();
      assertThat(new MaintenanceLock(redisless).runExclusively("test-task", runs::incrementAndGet))
          .isTrue();
      assertThat(runs).hasValue(1);
    } finally {
      redisless.shutdown();
    }
  }
}

package io.upwatch.common.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkerLoopTests {

  @Test
  void loopSurvivesFailingPassesAndKeepsWorking() throws Exception {
    var calls = new AtomicInteger();
    var recovered = new CountDownLatch(1);
    var loop =
        new WorkerLoop(
            "test-loop",
            () -> {
              if (calls.incrementAndGet() <= 3) {
                throw new IllegalStateException("dependency down");
              }
              recovered.countDown();
              return false;
            },
            Duration.ofMillis(10),
            Duration.ofMillis(50),
            0);

    loop.start();
    try {
      assertThat(recovered.await(5, TimeUnit.SECONDS)).isTrue();
    } finally {
      loop.stop();
    }
    assertThat(calls.get()).isGreaterThan(3);
    assertThat(loop.isRunning()).isFalse();
  }

  @Test
  void stopEndsALoopThatIsIdling() throws Exception {
    var loop =
        new WorkerLoop("idle-loop", () -> false, Duration.ofMinutes(10), Duration.ofSeconds(1), 0);
    loop.start();

    long start = System.nanoTime();
    loop.stop();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void backoffGrowsExponentiallyUpToTheCap() {
    var loop = new WorkerLoop("b", () -> false, Duration.ZERO, Duration.ofSeconds(5), 0);

    assertThat(loop.backoff(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(loop.backoff(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(loop.backoff(4)).isEqualTo(Duration.ofMillis(800));
    assertThat(loop.backoff(30)).isEqualTo(Duration.ofSeconds(5));
  }
}

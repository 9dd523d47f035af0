package io.upwatch.monitoringworker.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class DeadlineWatchTests {

  // Scheduling slack on a busy machine: far below the sleeper's idle second.
  private static final Duration SLACK = Duration.ofMillis(250);

  private final DeadlineWatch watch = new DeadlineWatch();

  @AfterEach
  void stop() {
    watch.close();
  }

  @Test
  void aConnectionIsClosedAtItsDeadlineNotBefore() throws Exception {
    var socket = new Socket();
    long start = System.nanoTime();
    watch.watch(socket, start + Duration.ofMillis(300).toNanos());

    assertThat(awaitClosed(socket, start))
        .isBetween(Duration.ofMillis(300), Duration.ofMillis(300).plus(SLACK));
  }

  @Test
  void anEarlierDeadlineWatchedLaterIsNotKeptWaitingForTheLaterOne() throws Exception {
    var late = new Socket();
    var early = new Socket();
    long start = System.nanoTime();
    watch.watch(late, start + Duration.ofSeconds(20).toNanos());
    // The sweeper is asleep until the late deadline by now.
    Thread.sleep(100);
    watch.watch(early, start + Duration.ofMillis(300).toNanos());

    assertThat(awaitClosed(early, start))
        .isBetween(Duration.ofMillis(300), Duration.ofMillis(300).plus(SLACK));
    assertThat(late.isClosed()).isFalse();
  }

  @Test
  void aConnectionReleasedBeforeItsDeadlineStaysOpen() throws Exception {
    var socket = new Socket();
    var watched = watch.watch(socket, System.nanoTime() + Duration.ofMillis(200).toNanos());

    assertThat(watched.release()).isTrue();
    Thread.sleep(400);

    assertThat(socket.isClosed()).isFalse();
  }

  @Test
  void aReleaseAfterTheDeadlineSaysTheConnectionWasCut() throws Exception {
    var socket = new Socket();
    long start = System.nanoTime();
    var watched = watch.watch(socket, start + Duration.ofMillis(100).toNanos());
    awaitClosed(socket, start);

    assertThat(watched.release()).isFalse();
  }

  @Test
  void manyConnectionsEachEndAtTheirOwnDeadline() throws Exception {
    long start = System.nanoTime();
    var sockets = new Socket[50];
    for (int i = 0; i < sockets.length; i++) {
      sockets[i] = new Socket();
      // Deadlines out of order: 700, 690, ... 210 ms.
      watch.watch(sockets[i], start + Duration.ofMillis(700 - 10L * i).toNanos());
    }

    assertThat(awaitClosed(sockets[sockets.length - 1], start))
        .isBetween(Duration.ofMillis(210), Duration.ofMillis(210).plus(SLACK));
    assertThat(sockets[0].isClosed()).isFalse();
    assertThat(awaitClosed(sockets[0], start))
        .isBetween(Duration.ofMillis(700), Duration.ofMillis(700).plus(SLACK));
  }

  /** Time from {@code start} until {@code socket} is closed, looked at every millisecond. */
  private static Duration awaitClosed(Socket socket, long start) throws InterruptedException {
    while (!socket.isClosed()) {
      Thread.sleep(1);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }
}

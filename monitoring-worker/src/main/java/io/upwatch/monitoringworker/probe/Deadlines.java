package io.upwatch.monitoringworker.probe;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Arithmetic on a check's deadline, a {@link System#nanoTime()} value. */
final class Deadlines {

  private Deadlines() {}

  static boolean passed(long deadlineNanos) {
    return System.nanoTime() - deadlineNanos >= 0;
  }

  /**
   * The time left in whole milliseconds, at least 1 (a socket timeout of 0 would mean none).
   *
   * @throws TimeoutException when none is left
   */
  static int remainingMillis(long deadlineNanos, String before) throws TimeoutException {
    long remaining = deadlineNanos - System.nanoTime();
    if (remaining <= 0) {
      throw new TimeoutException("Deadline passed before " + before);
    }
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
  }

  /** A timeout that ended {@code step}, carrying what was interrupted as its cause. */
  static TimeoutException exceeded(String step, Throwable cause) {
    var timeout = new TimeoutException("Deadline passed during " + step);
    timeout.initCause(cause);
    return timeout;
  }
}

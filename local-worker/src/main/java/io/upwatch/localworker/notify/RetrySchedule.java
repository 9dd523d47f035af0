package io.upwatch.localworker.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed delivery is tried again: the initial delay doubling with each attempt up to a
 * ceiling, with jitter so that receivers coming back are not hit by every retry at once; and when
 * to stop trying.
 */
record RetrySchedule(Duration initialDelay, Duration maxDelay, Duration giveUpAfter) {

  static RetrySchedule from(NotifyProperties properties) {
    return new RetrySchedule(
        properties.retryInitialDelay(), properties.retryMaxDelay(), properties.giveUpAfter());
  }

  /** The delay after the given number of failed attempts (1 for the first), before jitter. */
  Duration delayAfter(int failedAttempts) {
    int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
    long millis = initialDelay.toMillis() << doublings;
    return millis <= 0 || millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis(millis);
  }

  /** The next attempt's time with up to 20% jitter, or null when the delivery should fail. */
  Instant nextAttempt(int failedAttempts, Instant createdAt, Instant now) {
    Duration delay = delayAfter(failedAttempts);
    long jitter = (long) (delay.toMillis() * 0.2 * ThreadLocalRandom.current().nextDouble());
    Instant next = now.plus(delay).minusMillis(jitter);
    return next.isAfter(createdAt.plus(giveUpAfter)) ? null : next;
  }
}

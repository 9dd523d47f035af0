package io.upwatch.monitoringworker.check;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Logs a Redis outage once when it starts, as a reminder every minute while it lasts, and once when
 * it ends, however many operations fail in between.
 */
@Component
class OutageLog {

  private static final Logger log = LoggerFactory.getLogger(OutageLog.class);
  static final Duration REMINDER = Duration.ofMinutes(1);

  private final Clock clock;
  private volatile Instant since;
  private Instant lastWarning;

  OutageLog(Clock clock) {
    this.clock = clock;
  }

  /** Notes a failed Redis operation; returns whether it was logged at warn level. */
  synchronized boolean failed(Exception failure) {
    Instant now = clock.instant();
    if (since == null) {
      since = now;
      lastWarning = now;
      log.warn("Redis is unavailable; retrying with backoff until it is back", failure);
      return true;
    }
    if (Duration.between(lastWarning, now).compareTo(REMINDER) >= 0) {
      lastWarning = now;
      log.warn(
          "Redis still unavailable after {}s: {}",
          Duration.between(since, now).toSeconds(),
          failure.toString());
      return true;
    }
    log.debug("Redis still unavailable: {}", failure.toString());
    return false;
  }

  /** Notes a successful Redis operation. */
  void recovered() {
    if (since == null) {
      return;
    }
    synchronized (this) {
      if (since != null) {
        log.info(
            "Redis is reachable again after {}s",
            Duration.between(since, clock.instant()).toSeconds());
        since = null;
      }
    }
  }

  boolean inOutage() {
    return since != null;
  }
}

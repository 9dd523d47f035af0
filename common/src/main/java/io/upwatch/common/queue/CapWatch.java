package io.upwatch.common.queue;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells whether a stream has reached its approximate MAXLEN. There every new entry trims an unread
 * old one: Redis memory stays bounded, and the loss is logged here, once a minute at most.
 */
final class CapWatch {

  private static final Logger log = LoggerFactory.getLogger(CapWatch.class);
  private static final long WARN_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

  private final String stream;
  private final String group;
  private final long cap;
  private long lastWarning = System.nanoTime() - WARN_EVERY_NANOS;

  CapWatch(String stream, String group, long cap) {
    this.stream = stream;
    this.group = group;
    this.cap = cap;
  }

  synchronized boolean reached(long length) {
    if (cap == StreamQueue.UNCAPPED || length < cap) {
      return false;
    }
    long now = System.nanoTime();
    if (now - lastWarning >= WARN_EVERY_NANOS) {
      lastWarning = now;
      log.warn(
          "Stream {} is at its cap of {} entries: consumer group {} is not keeping up or not"
              + " running; the oldest unread entries are being dropped",
          stream,
          cap,
          group);
    }
    return true;
  }
}

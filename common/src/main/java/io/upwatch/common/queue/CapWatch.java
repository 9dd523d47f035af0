package io.upwatch.common.queue;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells whether a stream has reached its approximate MAXLEN in any partition. There every new entry
 * trims an unread old one: Redis memory stays bounded, and the loss is logged here, once a minute
 * at most.
 */
final class CapWatch {

  private static final Logger log = LoggerFactory.getLogger(CapWatch.class);
  private static final long WARN_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

  private final String stream;
  private final String group;
  private final long partitionCap;
  private long lastWarning = System.nanoTime() - WARN_EVERY_NANOS;

  /**
   * @param stream the stream's logical name, for the log
   * @param partitionCap the cap of each partition's stream, or {@link StreamQueue#UNCAPPED}
   */
  CapWatch(String stream, String group, long partitionCap) {
    this.stream = stream;
    this.group = group;
    this.partitionCap = partitionCap;
  }

  /** Whether any partition, given its length, is at the cap. */
  synchronized boolean reached(List<Long> partitionLengths) {
    if (partitionCap == StreamQueue.UNCAPPED) {
      return false;
    }
    long full = partitionLengths.stream().filter(length -> length >= partitionCap).count();
    if (full == 0) {
      return false;
    }
    long now = System.nanoTime();
    if (now - lastWarning >= WARN_EVERY_NANOS) {
      lastWarning = now;
      log.warn(
          "Stream {} is at its cap of {} entries in {} of {} partitions: consumer group {} is not"
              + " keeping up or not running; the oldest unread entries are being dropped",
          stream,
          partitionCap,
          full,
          partitionLengths.size(),
          group);
    }
    return true;
  }
}

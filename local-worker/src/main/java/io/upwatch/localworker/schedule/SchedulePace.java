package io.upwatch.localworker.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * When one scheduler's next pass is due, and how much time a pass hands out. Time is handed out in
 * whole buckets: a pass is due when the bucket after the last one handed out has ended, by
 * PostgreSQL's clock (mapped onto this process's monotonic one at each lease), so between buckets a
 * pass costs no round trip. Behind (after downtime, a stall, a burst of slots), a pass hands out at
 * most a step of time, which halves while passes find more than a batch of slots and doubles while
 * they find less than half of one: a catch-up goes in batch-sized passes, and a stretch with
 * nothing left to hand out is crossed in a few.
 */
final class SchedulePace {

  /** No probed URL has a longer interval, so no older slot can still be due. */
  static final Duration LONGEST_INTERVAL = Duration.ofDays(1);

  private final long bucketMillis;
  private final LongSupplier nanoTime;
  private long stepMillis;
  private long dueAtNanos;

  SchedulePace(Duration bucket, LongSupplier nanoTime) {
    this.bucketMillis = bucket.toMillis();
    this.nanoTime = nanoTime;
    this.stepMillis = bucketMillis;
    this.dueAtNanos = nanoTime.getAsLong();
  }

  /** This process's monotonic time in nanoseconds, to pass back as the time of a lease. */
  long ticks() {
    return nanoTime.getAsLong();
  }

  /** Whether a pass may find time to hand out. */
  boolean due() {
    return nanoTime.getAsLong() - dueAtNanos >= 0;
  }

  /** The end of the time a pass may hand out at {@code now}: the last whole bucket before it. */
  Instant dueUntil(Instant now) {
    long millis = now.toEpochMilli();
    return Instant.ofEpochMilli(millis - Math.floorMod(millis, bucketMillis));
  }

  /** The range a pass hands out, within {@code [from, dueUntil)}: at most one step of time. */
  Range range(Instant from, Instant dueUntil) {
    Instant start = latest(from, dueUntil.minus(LONGEST_INTERVAL));
    Instant end = start.plusMillis(stepMillis);
    return new Range(start, end.isBefore(dueUntil) ? end : dueUntil);
  }

  /**
   * After a pass that held the lease at {@code leasedAtNanos} and PostgreSQL time {@code now}.
   *
   * @param handedOut the range handed out, or null when nothing was due
   * @param slots how many slots it held
   * @param batch how many slots a pass should hand out at most, when it can choose
   */
  void passed(
      Range handedOut, Instant dueUntil, int slots, int batch, Instant now, long leasedAtNanos) {
    if (slots > batch) {
      stepMillis = Math.max(bucketMillis, stepMillis / 2);
    }
    boolean behind = handedOut != null && handedOut.until().isBefore(dueUntil);
    if (behind) {
      if (slots < batch / 2) {
        stepMillis = Math.min(LONGEST_INTERVAL.toMillis(), stepMillis * 2);
      }
      dueAtNanos = leasedAtNanos;
    } else {
      Duration untilNextBucketEnds = Duration.between(now, dueUntil.plusMillis(bucketMillis));
      dueAtNanos = leasedAtNanos + Math.max(0, untilNextBucketEnds.toNanos());
    }
  }

  /** After a pass that found another scheduler holding the lease: try again a bucket later. */
  void leasedElsewhere() {
    dueAtNanos = nanoTime.getAsLong() + bucketMillis * 1_000_000;
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** A range of time, {@code [from, until)}. */
  record Range(Instant from, Instant until) {}
}

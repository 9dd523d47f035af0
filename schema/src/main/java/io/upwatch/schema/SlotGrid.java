package io.upwatch.schema;

import java.time.Duration;
import java.time.Instant;

/**
 * The slots of a probed URL, as its {@code urls} row encodes them: every instant whose epoch
 * millisecond is {@code phaseMs} modulo the interval. The scheduler hands out a URL's slots from
 * these two columns alone, so nothing is written per check; the API moves a URL's grid by changing
 * them.
 *
 * @param interval time between slots, whole seconds
 * @param phaseMs where the grid falls within an interval: 0 &le; phaseMs &lt; interval in ms
 */
public record SlotGrid(Duration interval, long phaseMs) {

  public SlotGrid {
    if (interval.isNegative() || interval.isZero() || interval.toMillis() % 1000 != 0) {
      throw new IllegalArgumentException("interval must be whole seconds: " + interval);
    }
    if (phaseMs < 0 || phaseMs >= interval.toMillis()) {
      throw new IllegalArgumentException("phase " + phaseMs + " ms outside " + interval);
    }
  }

  /** The grid of the given interval that has a slot at {@code slot} (to the millisecond). */
  public static SlotGrid through(Instant slot, Duration interval) {
    return new SlotGrid(interval, Math.floorMod(slot.toEpochMilli(), interval.toMillis()));
  }

  /** The latest slot at or before {@code time}. */
  public Instant latestAtOrBefore(Instant time) {
    long millis = time.toEpochMilli();
    return Instant.ofEpochMilli(millis - Math.floorMod(millis - phaseMs, interval.toMillis()));
  }

  /** The earliest slot at or after {@code time}. */
  public Instant firstAtOrAfter(Instant time) {
    Instant latest = latestAtOrBefore(time);
    return latest.isBefore(time) ? latest.plus(interval) : latest;
  }
}

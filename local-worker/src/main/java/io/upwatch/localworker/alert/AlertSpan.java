package io.upwatch.localworker.alert;

import java.time.Instant;

/**
 * One alert as the rule defines it.
 *
 * @param trigger the slot of the failure that exceeded the threshold
 * @param failureCount the failures in the window at that slot
 * @param resolved the slot of the first later success, null while open
 */
record AlertSpan(Instant trigger, int failureCount, Instant resolved) {

  AlertSpan resolvedAt(Instant slot) {
    return new AlertSpan(trigger, failureCount, slot);
  }

  boolean isOpen() {
    return resolved == null;
  }

  /** True when the alert was open at {@code slot}: opened before it and not resolved by then. */
  boolean openAt(Instant slot) {
    return trigger.isBefore(slot) && (resolved == null || resolved.isAfter(slot));
  }

  /** True when the two alerts cover a common slot, so they describe the same incident. */
  boolean overlaps(AlertSpan other) {
    boolean startsBeforeOtherEnds = other.resolved == null || trigger.isBefore(other.resolved);
    boolean otherStartsBeforeEnd = resolved == null || other.trigger.isBefore(resolved);
    return startsBeforeOtherEnds && otherStartsBeforeEnd;
  }
}

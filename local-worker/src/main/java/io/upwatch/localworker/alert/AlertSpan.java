package io.upwatch.localworker.alert;

import java.time.Instant;
import java.util.List;

/**
 * One alert as the rule defines it, or one region's breach of the threshold-in-window rule.
 *
 * @param trigger the slot at which it began: for a region's breach, the failure that exceeded the
 *     threshold; for an alert, the first slot at which a quorum of regions was in breach
 * @param failureCount the failures in the window at the trigger; for an alert, the most any of its
 *     regions had when it crossed the threshold
 * @param resolved the slot at which it ended, null while open
 * @param regions the regions in breach at the trigger, in name order (a breach's own region)
 */
record AlertSpan(Instant trigger, int failureCount, Instant resolved, List<String> regions) {

  AlertSpan {
    regions = List.copyOf(regions);
  }

  AlertSpan resolvedAt(Instant slot) {
    return new AlertSpan(trigger, failureCount, slot, regions);
  }

  boolean isOpen() {
    return resolved == null;
  }

  /** True when the alert was open just before {@code slot}: opened before it, not resolved yet. */
  boolean openAt(Instant slot) {
    return trigger.isBefore(slot) && (resolved == null || resolved.isAfter(slot));
  }

  /** True when it holds at {@code slot}: from its trigger (included) to its resolution. */
  boolean holdsAt(Instant slot) {
    return !trigger.isAfter(slot) && (resolved == null || resolved.isAfter(slot));
  }

  /** True when the two alerts cover a common slot, so they describe the same incident. */
  boolean overlaps(AlertSpan other) {
    boolean startsBeforeOtherEnds = other.resolved == null || trigger.isBefore(other.resolved);
    boolean otherStartsBeforeEnd = resolved == null || other.trigger.isBefore(resolved);
    return startsBeforeOtherEnds && otherStartsBeforeEnd;
  }
}

package io.upwatch.localworker.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Stored alerts (or one region's stored breaches) split at the slot a replay starts from: what the
 * replay continues, and what it may change.
 *
 * @param openAtStart the one open just before {@code from}, or null
 * @param lastResolved the latest resolution before {@code from}, or null
 * @param before those that ended before {@code from}: the replay leaves them as they are
 * @param fromOn {@code openAtStart} and those that begin at or after {@code from}, in slot order
 */
record StoredSplit(
    StoredAlert openAtStart,
    Instant lastResolved,
    List<AlertSpan> before,
    List<StoredAlert> fromOn) {

  /**
   * Splits one region's breaches, given in slot order. One that ended at {@code from} ended with a
   * success of the region stored at that slot, which no new check can change: it stays before.
   */
  static StoredSplit at(List<StoredAlert> stored, Instant from) {
    return split(stored, from, false);
  }

  /**
   * Splits a URL's alerts, given in slot order. One that resolved at {@code from} is continued:
   * another region's check at that slot may show the quorum still held there.
   */
  static StoredSplit justBefore(List<StoredAlert> stored, Instant from) {
    return split(stored, from, true);
  }

  private static StoredSplit split(List<StoredAlert> stored, Instant from, boolean endingAtFrom) {
    StoredAlert openAtStart = null;
    Instant lastResolved = null;
    List<AlertSpan> before = new ArrayList<>();
    List<StoredAlert> fromOn = new ArrayList<>();
    for (StoredAlert alert : stored) {
      AlertSpan span = alert.span();
      boolean endsAtFrom = endingAtFrom && from.equals(span.resolved());
      if (span.openAt(from) || (endsAtFrom && span.trigger().isBefore(from))) {
        openAtStart = alert;
        fromOn.add(alert);
      } else if (!span.trigger().isBefore(from)) {
        fromOn.add(alert);
      } else {
        before.add(span);
        if (span.resolved() != null
            && (lastResolved == null || span.resolved().isAfter(lastResolved))) {
          lastResolved = span.resolved();
        }
      }
    }
    return new StoredSplit(openAtStart, lastResolved, before, fromOn);
  }

  /** The span the replay continues, as open: the replay finds its end again. */
  AlertSpan openSpanAtStart() {
    if (openAtStart == null) {
      return null;
    }
    AlertSpan span = openAtStart.span();
    return new AlertSpan(span.trigger(), span.failureCount(), null, span.regions());
  }
}

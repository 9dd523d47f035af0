package io.upwatch.localworker.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The alert rule of one URL as a pure function of its checks: when the failures in the trailing
 * window {@code (slot - window, slot]} exceed the threshold, an alert opens at that failure's slot;
 * the first later success resolves it; failures up to a resolution never count again. Because the
 * outcome depends only on the set of checks, the same checks give the same alerts whatever order or
 * batches they arrive in.
 *
 * @param threshold the number of failures the window may hold without an alert
 * @param window the length of the trailing window
 */
record AlertRule(int threshold, Duration window) {

  /**
   * Replays the rule over checks from {@code from} on, continuing the history before it.
   *
   * @param checks the URL's checks in slot order, from at least {@code from - window}: the earlier
   *     ones only count towards the window
   * @param from the first slot whose outcome may differ from the stored history
   * @param openAtStart the alert open just before {@code from}, or null
   * @param lastResolved the latest resolution before {@code from} (failures up to it never count),
   *     or null
   * @return the alerts from {@code from} on: {@code openAtStart} first (with its resolution, if
   *     any), then every alert that opens at or after {@code from}
   */
  List<AlertSpan> replay(
      List<CheckPoint> checks, Instant from, AlertSpan openAtStart, Instant lastResolved) {
    List<AlertSpan> spans = new ArrayList<>();
    AlertSpan open = openAtStart;
    Instant resolvedBefore = lastResolved;
    ArrayDeque<Instant> failures = new ArrayDeque<>();
    for (CheckPoint check : checks) {
      Instant slot = check.slot();
      if (slot.isBefore(from)) {
        if (!check.success() && (resolvedBefore == null || slot.isAfter(resolvedBefore))) {
          failures.addLast(slot);
        }
        continue;
      }
      if (open != null) {
        if (check.success() && slot.isAfter(open.trigger())) {
          spans.add(open.resolvedAt(slot));
          open = null;
          resolvedBefore = slot;
          failures.clear();
        }
        continue;
      }
      if (check.success()) {
        continue;
      }
      failures.addLast(slot);
      Instant windowStart = slot.minus(window);
      while (!failures.getFirst().isAfter(windowStart)) {
        failures.removeFirst();
      }
      if (failures.size() > threshold) {
        open = new AlertSpan(slot, failures.size(), null);
      }
    }
    if (open != null) {
      spans.add(open);
    }
    return spans;
  }
}

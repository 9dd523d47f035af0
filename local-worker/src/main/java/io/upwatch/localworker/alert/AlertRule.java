package io.upwatch.localworker.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The threshold-in-window rule, applied to the checks of one region of a URL: when the failures in
 * the trailing window {@code (slot - window, slot]} exceed the threshold, the region is in breach
 * from that failure's slot; the first later success ends the breach; failures up to its end never
 * count again. Because the outcome depends only on the set of checks, the same checks give the same
 * breaches whatever order or batches they arrive in. {@link QuorumRule} turns the regions' breaches
 * into alerts; with one region, the alerts are its breaches.
 *
 * @param threshold the number of failures the window may hold without an alert
 * @param window the length of the trailing window
 */
record AlertRule(int threshold, Duration window) {

  /**
   * Replays the rule over one region's checks from {@code from} on, continuing its history.
   *
   * @param region the region, named by the breaches this opens
   * @param checks the region's checks in slot order, from at least {@code from - window}: the
   *     earlier ones only count towards the window
   * @param from the first slot whose outcome may differ from the stored history
   * @param openAtStart the breach open just before {@code from}, or null
   * @param lastResolved the latest end of a breach before {@code from} (failures up to it never
   *     count), or null
   * @return the breaches from {@code from} on: {@code openAtStart} first (with its end, if any),
   *     then every breach that begins at or after {@code from}
   */
  List<AlertSpan> replay(
      String region,
      List<CheckPoint> checks,
      Instant from,
      AlertSpan openAtStart,
      Instant lastResolved) {
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
        open = new AlertSpan(slot, failures.size(), null, List.of(region));
      }
    }
    if (open != null) {
      spans.add(open);
    }
    return spans;
  }
}

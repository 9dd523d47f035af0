package io.upwatch.localworker.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The alert rule written as plainly as possible, to check {@link AlertRule} and the stored alerts
 * against: walk the checks in slot order; while no alert is open, a failure opens one when more
 * than threshold failures lie in (slot - window, slot] after the last resolution; while one is
 * open, the first success resolves it.
 */
final class ReferenceRule {

  private ReferenceRule() {}

  static List<AlertSpan> alerts(List<CheckPoint> checks, AlertRule rule) {
    List<CheckPoint> sorted =
        checks.stream().sorted(Comparator.comparing(CheckPoint::slot)).distinct().toList();
    List<AlertSpan> alerts = new ArrayList<>();
    Instant openTrigger = null;
    int openCount = 0;
    Instant lastResolved = Instant.MIN;
    for (CheckPoint check : sorted) {
      if (openTrigger != null) {
        if (check.success()) {
          alerts.add(new AlertSpan(openTrigger, openCount, check.slot()));
          lastResolved = check.slot();
          openTrigger = null;
        }
      } else if (!check.success()) {
        Instant windowStart = check.slot().minus(rule.window());
        Instant after = lastResolved;
        int failures =
            (int)
                sorted.stream()
                    .filter(c -> !c.success())
                    .filter(c -> c.slot().isAfter(windowStart) && c.slot().isAfter(after))
                    .filter(c -> !c.slot().isAfter(check.slot()))
                    .count();
        if (failures > rule.threshold()) {
          openTrigger = check.slot();
          openCount = failures;
        }
      }
    }
    if (openTrigger != null) {
      alerts.add(new AlertSpan(openTrigger, openCount, null));
    }
    return alerts;
  }
}

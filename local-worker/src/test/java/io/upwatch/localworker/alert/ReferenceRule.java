package io.upwatch.localworker.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The alert rule written as plainly as possible, to check {@link AlertRule}, {@link QuorumRule} and
 * the stored breaches and alerts against.
 *
 * <p>Per region: walk its checks in slot order; while it is not in breach, a failure starts a
 * breach when more than threshold failures lie in (slot - window, slot] after its last breach
 * ended; while it is in breach, the first success ends it.
 *
 * <p>Then at every slot that has a check of one of the URL's regions: the regions counted in breach
 * are those whose breach holds at the slot (began at or before it, not ended by it) and that have a
 * check in (slot - lapse, slot]. An alert opens at a slot where at least quorum regions count and
 * none is open, naming them (in name order) and the most failures any of their breaches began with;
 * the open alert resolves at the first slot where fewer count.
 */
final class ReferenceRule {

  private ReferenceRule() {}

  static List<AlertSpan> alerts(
      List<CheckPoint> checks, AlertRule rule, List<String> regions, int quorum, Duration lapse) {
    List<CheckPoint> ours =
        checks.stream()
            .filter(c -> regions.contains(c.region()))
            .distinct()
            .sorted(Comparator.comparing(CheckPoint::slot))
            .toList();
    List<AlertSpan> breaches = new ArrayList<>();
    for (String region : regions) {
      breaches.addAll(
          breaches(ours.stream().filter(c -> c.region().equals(region)).toList(), rule));
    }
    List<Instant> slots = ours.stream().map(CheckPoint::slot).distinct().toList();
    List<AlertSpan> alerts = new ArrayList<>();
    AlertSpan open = null;
    for (Instant slot : slots) {
      List<AlertSpan> counted = new ArrayList<>();
      for (AlertSpan breach : breaches) {
        String region = breach.regions().getFirst();
        boolean holds =
            !breach.trigger().isAfter(slot)
                && (breach.resolved() == null || breach.resolved().isAfter(slot));
        boolean recent =
            ours.stream()
                .anyMatch(
                    c ->
                        c.region().equals(region)
                            && c.slot().isAfter(slot.minus(lapse))
                            && !c.slot().isAfter(slot));
        if (holds && recent) {
          counted.add(breach);
        }
      }
      if (open != null && counted.size() < quorum) {
        alerts.add(new AlertSpan(open.trigger(), open.failureCount(), slot, open.regions()));
        open = null;
      } else if (open == null && counted.size() >= quorum) {
        List<String> names = counted.stream().map(b -> b.regions().getFirst()).sorted().toList();
        int most = counted.stream().mapToInt(AlertSpan::failureCount).max().orElseThrow();
        open = new AlertSpan(slot, most, null, names);
      }
    }
    if (open != null) {
      alerts.add(open);
    }
    return alerts;
  }

  /** One region's breaches; its checks in slot order, without duplicates. */
  static List<AlertSpan> breaches(List<CheckPoint> sorted, AlertRule rule) {
    List<AlertSpan> breaches = new ArrayList<>();
    Instant openTrigger = null;
    int openCount = 0;
    Instant lastResolved = Instant.MIN;
    for (CheckPoint check : sorted) {
      List<String> region = List.of(check.region());
      if (openTrigger != null) {
        if (check.success()) {
          breaches.add(new AlertSpan(openTrigger, openCount, check.slot(), region));
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
      breaches.add(new AlertSpan(openTrigger, openCount, null, List.of(sorted.getLast().region())));
    }
    return breaches;
  }
}

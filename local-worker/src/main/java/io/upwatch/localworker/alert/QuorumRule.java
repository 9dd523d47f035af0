package io.upwatch.localworker.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The quorum over a URL's regions, as a pure function of their breaches ({@link AlertRule}) and
 * checks. At each slot that holds a check of the URL's regions, a region counts as in breach when
 * its breach holds at that slot and it has a check in {@code (slot - lapse, slot]}; an alert opens
 * at the first slot where at least {@code quorum} regions count, and resolves at the first later
 * one where fewer do. A region that stops reporting lapses after {@code lapse}: it can then neither
 * keep an alert open nor help open one. Nothing else carries over from slot to slot, so the alert
 * at a slot is decided by that slot alone.
 *
 * @param regions the regions the URL is checked from; checks of others are ignored
 * @param quorum how many of them must be in breach at once, 1 to their number
 * @param lapse how long a region's breach still counts after its latest check
 */
record QuorumRule(List<String> regions, int quorum, Duration lapse) {

  QuorumRule {
    regions = List.copyOf(regions);
    if (quorum < 1 || quorum > regions.size()) {
      throw new IllegalArgumentException("Quorum " + quorum + " of " + regions);
    }
  }

  /**
   * The lapse of a URL's rule: its window, but at least two intervals, so that a region's result
   * that is merely slower than the others' (the slot's answer still on its way) never lapses it.
   */
  static Duration lapseOf(Duration window, Duration interval) {
    Duration twoIntervals = interval.multipliedBy(2);
    return window.compareTo(twoIntervals) >= 0 ? window : twoIntervals;
  }

  /**
   * Replays the quorum from {@code from} on.
   *
   * @param breaches each region's breaches that may hold at or after {@code from}, in slot order
   * @param checks the URL's checks of its regions in slot order, from at least {@code from - lapse}
   * @param from the first slot whose outcome may differ from the stored alerts
   * @param openAtStart the alert open just before {@code from}, or null
   * @return the alerts from {@code from} on: {@code openAtStart} first (with its resolution, if
   *     any), then every alert that opens at or after {@code from}
   */
  List<AlertSpan> replay(
      Map<String, List<AlertSpan>> breaches,
      List<CheckPoint> checks,
      Instant from,
      AlertSpan openAtStart) {
    List<AlertSpan> alerts = new ArrayList<>();
    AlertSpan open = openAtStart;
    LatestChecks latest = new LatestChecks();
    int i = 0;
    while (i < checks.size()) {
      Instant slot = checks.get(i).slot();
      boolean ours = false;
      for (; i < checks.size() && checks.get(i).slot().equals(slot); i++) {
        CheckPoint check = checks.get(i);
        if (regions.contains(check.region())) {
          latest.saw(check);
          ours = true;
        }
      }
      if (!ours || slot.isBefore(from)) {
        continue;
      }
      List<AlertSpan> inBreach = inBreach(breaches, latest, slot);
      if (open != null && inBreach.size() < quorum) {
        alerts.add(open.resolvedAt(slot));
        open = null;
      } else if (open == null && inBreach.size() >= quorum) {
        open = opened(slot, inBreach);
      }
    }
    if (open != null) {
      alerts.add(open);
    }
    return alerts;
  }

  /** The breaches that count at the slot: of the URL's regions, holding, and not lapsed. */
  private List<AlertSpan> inBreach(
      Map<String, List<AlertSpan>> breaches, LatestChecks latest, Instant slot) {
    List<AlertSpan> counted = new ArrayList<>();
    Instant lapsedBy = slot.minus(lapse);
    for (String region : regions) {
      Instant last = latest.of(region);
      if (last == null || !last.isAfter(lapsedBy)) {
        continue;
      }
      for (AlertSpan breach : breaches.getOrDefault(region, List.of())) {
        if (breach.holdsAt(slot)) {
          counted.add(breach);
          break;
        }
      }
    }
    return counted;
  }

  private static AlertSpan opened(Instant slot, List<AlertSpan> inBreach) {
    TreeSet<String> names = new TreeSet<>();
    int failures = 0;
    for (AlertSpan breach : inBreach) {
      names.addAll(breach.regions());
      failures = Math.max(failures, breach.failureCount());
    }
    return new AlertSpan(slot, failures, null, List.copyOf(names));
  }

  /** The latest check slot seen of each region, as the replay walks the slots. */
  private static final class LatestChecks {
    private final Map<String, Instant> latest = new HashMap<>();

    void saw(CheckPoint check) {
      latest.put(check.region(), check.slot());
    }

    Instant of(String region) {
      return latest.get(region);
    }
  }
}

package io.upwatch.localworker.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What new checks change for one URL, as a pure function of its stored checks, breaches and alerts:
 * first the breaches of each region with new checks (the threshold-in-window rule replayed from the
 * earliest of them that can change that region's breaches), then the alerts (the quorum replayed
 * from the earliest new check, which is where slots, breaches and lapses can first differ).
 */
final class UrlReplay {

  private final MonitoredUrlRule url;
  private final Map<String, List<StoredAlert>> breaches;
  private final List<StoredAlert> alerts;
  private final Map<String, Instant> regionFrom;
  private final Instant from;

  private UrlReplay(
      MonitoredUrlRule url,
      Map<String, List<StoredAlert>> breaches,
      List<StoredAlert> alerts,
      Map<String, Instant> regionFrom,
      Instant from) {
    this.url = url;
    this.breaches = breaches;
    this.alerts = alerts;
    this.regionFrom = regionFrom;
    this.from = from;
  }

  /**
   * Plans the replay of a URL's new checks, or empty when they cannot change anything: no region's
   * breaches change, and either no breach or alert reaches their slots (a healthy URL's new checks)
   * or the URL has one region whose breach and alert are open throughout (a down URL's).
   *
   * @param fresh the new checks of the URL's regions, not empty
   * @param breaches its stored breaches, open or ended after the earliest new check minus the
   *     window, in slot order
   * @param alerts its stored availability alerts likewise
   */
  static Optional<UrlReplay> plan(
      MonitoredUrlRule url,
      List<CheckPoint> fresh,
      List<StoredAlert> breaches,
      List<StoredAlert> alerts) {
    Instant earliest = fresh.stream().map(CheckPoint::slot).min(Comparator.naturalOrder()).get();
    Map<String, List<StoredAlert>> byRegion = new HashMap<>();
    for (StoredAlert breach : breaches) {
      String region = breach.span().regions().getFirst();
      if (url.quorum().regions().contains(region)) {
        byRegion.computeIfAbsent(region, r -> new ArrayList<>()).add(breach);
      }
    }
    Map<String, Instant> regionFrom = new HashMap<>();
    for (String region : url.quorum().regions()) {
      List<CheckPoint> ofRegion = fresh.stream().filter(c -> c.region().equals(region)).toList();
      firstChange(ofRegion, byRegion.getOrDefault(region, List.of()))
          .ifPresent(slot -> regionFrom.put(region, slot));
    }
    boolean reached =
        byRegion.values().stream().flatMap(List::stream).anyMatch(b -> reaches(b, earliest))
            || alerts.stream().anyMatch(a -> reaches(a, earliest));
    if (regionFrom.isEmpty() && (!reached || downAlike(url, byRegion, alerts, earliest))) {
      return Optional.empty();
    }
    return Optional.of(new UrlReplay(url, byRegion, alerts, regionFrom, earliest));
  }

  /** The replay needs the URL's checks after this: a window before, and a lapse for the quorum. */
  Instant checksAfter() {
    Duration longer =
        url.rule().window().compareTo(url.quorum().lapse()) >= 0
            ? url.rule().window()
            : url.quorum().lapse();
    return from.minus(longer);
  }

  /**
   * Replays over the URL's stored checks.
   *
   * @param checks its checks after {@link #checksAfter()}, in slot order
   */
  Changes replay(List<CheckPoint> checks) {
    Map<String, List<CheckPoint>> byRegion = new HashMap<>();
    checks.forEach(c -> byRegion.computeIfAbsent(c.region(), r -> new ArrayList<>()).add(c));
    List<AlertChanges> breachChanges = new ArrayList<>();
    Map<String, List<AlertSpan>> current = new HashMap<>();
    for (String region : url.quorum().regions()) {
      List<StoredAlert> stored = breaches.getOrDefault(region, List.of());
      Instant start = regionFrom.get(region);
      if (start == null) {
        current.put(region, stored.stream().map(StoredAlert::span).toList());
        continue;
      }
      StoredSplit split = StoredSplit.at(stored, start);
      List<AlertSpan> computed =
          url.rule()
              .replay(
                  region,
                  byRegion.getOrDefault(region, List.of()),
                  start,
                  split.openSpanAtStart(),
                  split.lastResolved());
      breachChanges.add(AlertChanges.between(split.fromOn(), computed));
      List<AlertSpan> all = new ArrayList<>(split.before());
      all.addAll(computed);
      current.put(region, all);
    }
    StoredSplit alertSplit = StoredSplit.justBefore(alerts, from);
    List<AlertSpan> computed =
        url.quorum().replay(current, checks, from, alertSplit.openSpanAtStart());
    return new Changes(
        AlertChanges.concat(breachChanges), AlertChanges.between(alertSplit.fromOn(), computed));
  }

  /**
   * The earliest new check that can change a region's breaches: a failure while it is not in
   * breach, or a success while it is. Others (a failure during a breach, a success with none)
   * change nothing on their own, and the replay from the first one that can still sees them.
   */
  private static Optional<Instant> firstChange(List<CheckPoint> fresh, List<StoredAlert> breaches) {
    return fresh.stream()
        .filter(
            check ->
                check.success()
                    == breaches.stream().anyMatch(breach -> breach.span().openAt(check.slot())))
        .map(CheckPoint::slot)
        .min(Comparator.naturalOrder());
  }

  /**
   * Whether a URL checked from one region has that region's breach and its alert both open since
   * before {@code earliest}, and nothing else of either reaching it: every check of a URL that
   * stays down. The quorum of one region is that region's breach at each of its check slots, so
   * checks that change no breach cannot change the alert either, and the replay (with its read of a
   * window of checks, a heap page each) would only confirm it.
   */
  private static boolean downAlike(
      MonitoredUrlRule url,
      Map<String, List<StoredAlert>> breaches,
      List<StoredAlert> alerts,
      Instant earliest) {
    List<String> regions = url.quorum().regions();
    return regions.size() == 1
        && openThroughout(breaches.getOrDefault(regions.getFirst(), List.of()), earliest)
        && openThroughout(alerts, earliest);
  }

  /** Exactly one of the spans reaches {@code slot}: one still open, and opened before it. */
  private static boolean openThroughout(List<StoredAlert> spans, Instant slot) {
    List<StoredAlert> reaching = spans.stream().filter(s -> reaches(s, slot)).toList();
    return reaching.size() == 1
        && reaching.getFirst().span().isOpen()
        && reaching.getFirst().span().openAt(slot);
  }

  private static boolean reaches(StoredAlert stored, Instant slot) {
    return stored.span().resolved() == null || stored.span().resolved().isAfter(slot);
  }

  /**
   * What must change in the stored rows of the URL.
   *
   * @param breaches of its regions' breaches
   * @param alerts of its availability alerts
   */
  record Changes(AlertChanges breaches, AlertChanges alerts) {}
}

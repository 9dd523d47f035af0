package io.upwatch.localworker.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.upwatch.common.CheckResult;
import io.upwatch.localworker.notify.AlertEvent;
import io.upwatch.localworker.notify.NotificationOutbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the stored alerts equal to the alert rule applied to the stored checks: the threshold in
 * window per region ({@link AlertRule}), then the quorum of regions ({@link QuorumRule}). For each
 * URL with new checks it locks the URL, finds what the new checks can change ({@link UrlReplay}),
 * replays the rule from there over the stored checks and corrects the breach and alert rows, so the
 * alerts are the same whatever the order, batching, duplication or worker the results come through:
 * an outage learned late still opens (and resolves) its alert. Runs in the caller's transaction,
 * the one that stored the checks, and records the notifications of what changed in it.
 */
@Component
public class AlertEvaluator {

  private static final Logger log = LoggerFactory.getLogger(AlertEvaluator.class);

  private final AlertStore store;
  private final BreachStore breaches;
  private final NotificationOutbox outbox;
  private final Clock clock;
  private final Counter opened;
  private final Counter resolved;
  private final Counter corrected;
  private final Counter withdrawn;
  private final Counter reopened;
  private final ForeignRegionChecks foreign;

  AlertEvaluator(
      AlertStore store,
      BreachStore breaches,
      NotificationOutbox outbox,
      Clock clock,
      MeterRegistry registry) {
    this.store = store;
    this.breaches = breaches;
    this.outbox = outbox;
    this.clock = clock;
    this.opened = alerts(registry, "opened");
    this.resolved = alerts(registry, "resolved");
    this.corrected = alerts(registry, "corrected");
    this.withdrawn = alerts(registry, "withdrawn");
    this.reopened = alerts(registry, "reopened");
    this.foreign = new ForeignRegionChecks(registry, clock);
  }

  private static Counter alerts(MeterRegistry registry, String event) {
    return Counter.builder("upwatch.alerts")
        .description(
            "Alert changes by event: opened, resolved, or corrected, reopened or withdrawn after"
                + " late results")
        .tag("event", event)
        .register(registry);
  }

  /**
   * Evaluates results already stored in checks, in the caller's transaction. Passing results stored
   * earlier again is harmless: the replay gives the same alerts.
   */
  public void evaluate(List<CheckResult> results) {
    if (results.isEmpty()) {
      return;
    }
    Map<Long, List<CheckPoint>> fresh = new HashMap<>();
    for (CheckResult result : results) {
      fresh
          .computeIfAbsent(result.id().urlId(), id -> new ArrayList<>())
          .add(
              new CheckPoint(
                  result.region() == null ? AlertStore.NO_REGION : result.region(),
                  result.id().slot(),
                  result.success()));
    }
    Map<Long, MonitoredUrlRule> urls = store.lock(fresh.keySet().toArray(Long[]::new));
    Map<Long, List<CheckPoint>> counted = new HashMap<>();
    Map<Long, Instant> since = new HashMap<>();
    urls.forEach(
        (id, url) -> {
          List<CheckPoint> ours = foreign.keepOwn(url, fresh.get(id));
          if (!ours.isEmpty()) {
            counted.put(id, ours);
            since.put(id, earliest(ours).minus(url.rule().window()));
          }
        });
    if (since.isEmpty()) {
      return;
    }
    Map<Long, AlertStore.StoredHistory> stored = store.history(since);
    Map<Long, UrlReplay> replays = new LinkedHashMap<>();
    counted.forEach(
        (id, checks) -> {
          var history = stored.getOrDefault(id, new AlertStore.StoredHistory());
          UrlReplay.plan(urls.get(id), checks, history.breaches(), history.alerts())
              .ifPresent(replay -> replays.put(id, replay));
        });
    if (replays.isEmpty()) {
      return;
    }
    Map<Long, Instant> checksAfter = new HashMap<>();
    replays.forEach((id, replay) -> checksAfter.put(id, replay.checksAfter()));
    Map<Long, List<CheckPoint>> checks = store.checks(checksAfter);

    BatchChanges batch = new BatchChanges();
    replays.forEach(
        (id, replay) -> batch.add(urls.get(id), replay.replay(checks.getOrDefault(id, List.of()))));
    apply(batch);
  }

  private static Instant earliest(List<CheckPoint> checks) {
    return checks.stream().map(CheckPoint::slot).min(Comparator.naturalOrder()).orElseThrow();
  }

  private void apply(BatchChanges batch) {
    breaches.apply(batch.breachesWithdrawn, batch.breachesCorrected, batch.breachesAdded);
    store.delete(batch.withdrawn.stream().map(UrlStoredAlert::alert).toList());
    store.correct(batch.corrections);
    List<Long> addedIds = store.insert(batch.added);
    List<Long> resolvedIds = new ArrayList<>(batch.resolved);
    for (int i = 0; i < addedIds.size(); i++) {
      if (!batch.added.get(i).span().isOpen()) {
        resolvedIds.add(addedIds.get(i));
      }
    }
    List<Long> openedIds = new ArrayList<>(addedIds);
    openedIds.addAll(batch.reopened);
    outbox.record(AlertEvent.OPENED, openedIds);
    outbox.record(AlertEvent.RESOLVED, resolvedIds);
    opened.increment(addedIds.size());
    resolved.increment(resolvedIds.size());
    reopened.increment(batch.reopened.size());
    corrected.increment(batch.corrections.size() - batch.resolved.size() - batch.reopened.size());
    withdrawn.increment(batch.withdrawn.size());
    logChanges(batch, addedIds);
  }

  private void logChanges(BatchChanges batch, List<Long> addedIds) {
    Instant now = clock.instant();
    for (int i = 0; i < addedIds.size(); i++) {
      var added = batch.added.get(i);
      MonitoredUrlRule url = added.url();
      AlertSpan span = added.span();
      log.info(
          "Alert {} opened for url {} '{}' ({}): in breach in {} of its regions {} (quorum {}), up to"
              + " {} failures in the {} s window exceed threshold {} at slot {} (detected {} s"
              + " after it)",
          addedIds.get(i),
          url.id(),
          url.name(),
          url.target(),
          span.regions(),
          url.quorum().regions(),
          url.quorum().quorum(),
          span.failureCount(),
          url.rule().window().toSeconds(),
          url.rule().threshold(),
          span.trigger(),
          Duration.between(span.trigger(), now).toSeconds());
      if (!span.isOpen()) {
        logResolved(addedIds.get(i), url, span, now);
      }
    }
    for (var c : batch.corrections) {
      AlertChanges.Correction correction = c.correction();
      MonitoredUrlRule url = c.url();
      if (correction.stored().span().isOpen() && !correction.span().isOpen()) {
        logResolved(correction.stored().id(), url, correction.span(), now);
      } else if (!correction.stored().span().isOpen() && correction.span().isOpen()) {
        log.warn(
            "Alert {} of url {} '{}' ({}) open again: results that arrived late show a quorum of"
                + " its regions still in breach at slot {}, where it had resolved",
            correction.stored().id(),
            url.id(),
            url.name(),
            url.target(),
            correction.stored().span().resolved());
      } else {
        log.info(
            "Alert {} of url {} '{}' ({}) corrected by results that arrived late: was {}, now {}",
            correction.stored().id(),
            url.id(),
            url.name(),
            url.target(),
            correction.stored().span(),
            correction.span());
      }
    }
    for (var w : batch.withdrawn) {
      MonitoredUrlRule url = batch.urls.get(w.urlId());
      log.warn(
          "Alert {} of url {} '{}' ({}) withdrawn: results that arrived late show the rule never"
              + " fired for {}",
          w.alert().id(),
          url.id(),
          url.name(),
          url.target(),
          w.alert().span());
    }
  }

  private static void logResolved(long alertId, MonitoredUrlRule url, AlertSpan span, Instant now) {
    log.info(
        "Alert {} resolved for url {} '{}' ({}): fewer than {} of its regions in breach at slot {}"
            + " (detected {} s after it)",
        alertId,
        url.id(),
        url.name(),
        url.target(),
        url.quorum().quorum(),
        span.resolved(),
        Duration.between(span.resolved(), now).toSeconds());
  }

  private record UrlStoredAlert(long urlId, StoredAlert alert) {}

  /** The changes of every URL of a batch, applied with one statement of each kind. */
  private static final class BatchChanges {
    final Map<Long, MonitoredUrlRule> urls = new HashMap<>();
    final List<UrlStoredAlert> withdrawn = new ArrayList<>();
    final List<AlertStore.UrlCorrection> corrections = new ArrayList<>();
    final List<Long> resolved = new ArrayList<>();
    final List<Long> reopened = new ArrayList<>();
    final List<AlertStore.UrlAlert> added = new ArrayList<>();
    final List<StoredAlert> breachesWithdrawn = new ArrayList<>();
    final List<AlertChanges.Correction> breachesCorrected = new ArrayList<>();
    final List<BreachStore.New> breachesAdded = new ArrayList<>();

    void add(MonitoredUrlRule url, UrlReplay.Changes changes) {
      AlertChanges regions = changes.breaches();
      breachesWithdrawn.addAll(regions.withdrawn());
      breachesCorrected.addAll(regions.corrected());
      regions.added().forEach(span -> breachesAdded.add(new BreachStore.New(url.id(), span)));
      AlertChanges alerts = changes.alerts();
      if (alerts.isEmpty()) {
        return;
      }
      urls.put(url.id(), url);
      alerts.withdrawn().forEach(alert -> withdrawn.add(new UrlStoredAlert(url.id(), alert)));
      alerts.corrected().forEach(c -> corrections.add(new AlertStore.UrlCorrection(url, c)));
      resolved.addAll(alerts.resolved());
      reopened.addAll(alerts.reopened());
      alerts.added().forEach(span -> added.add(new AlertStore.UrlAlert(url, span)));
    }
  }
}

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
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the stored alerts equal to the alert rule ({@link AlertRule}) applied to the stored checks.
 * For each URL with new checks it finds the earliest new check that can change the history, locks
 * the URL, replays the rule from there over the stored checks and corrects the alert rows, so the
 * alerts are the same whatever the order, batching, duplication or worker the results come through:
 * an outage learned late still opens (and resolves) its alert. Runs in the caller's transaction,
 * the one that stored the checks, and records the notifications of what changed in it.
 */
@Component
public class AlertEvaluator {

  private static final Logger log = LoggerFactory.getLogger(AlertEvaluator.class);

  private final AlertStore store;
  private final NotificationOutbox outbox;
  private final Clock clock;
  private final Counter opened;
  private final Counter resolved;
  private final Counter corrected;
  private final Counter withdrawn;

  AlertEvaluator(AlertStore store, NotificationOutbox outbox, Clock clock, MeterRegistry registry) {
    this.store = store;
    this.outbox = outbox;
    this.clock = clock;
    this.opened = alerts(registry, "opened");
    this.resolved = alerts(registry, "resolved");
    this.corrected = alerts(registry, "corrected");
    this.withdrawn = alerts(registry, "withdrawn");
  }

  private static Counter alerts(MeterRegistry registry, String event) {
    return Counter.builder("upwatch.alerts")
        .description(
            "Alert changes by event: opened, resolved, or corrected or withdrawn after late results")
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
          .add(new CheckPoint(result.id().slot(), result.success()));
    }
    Map<Long, MonitoredUrlRule> urls = store.lock(fresh.keySet().toArray(Long[]::new));
    Map<Long, Instant> since = new HashMap<>();
    urls.forEach((id, url) -> since.put(id, earliest(fresh.get(id)).minus(url.rule().window())));
    Map<Long, List<StoredAlert>> stored = since.isEmpty() ? Map.of() : store.alerts(since);

    Map<Long, Instant> replayFrom = new LinkedHashMap<>();
    urls.keySet()
        .forEach(
            id ->
                firstChange(fresh.get(id), stored.getOrDefault(id, List.of()))
                    .ifPresent(slot -> replayFrom.put(id, slot)));
    if (replayFrom.isEmpty()) {
      return;
    }
    Map<Long, Instant> checksAfter = new HashMap<>();
    replayFrom.forEach((id, from) -> checksAfter.put(id, from.minus(urls.get(id).rule().window())));
    Map<Long, List<CheckPoint>> checks = store.checks(checksAfter);

    BatchChanges batch = new BatchChanges();
    replayFrom.forEach(
        (id, from) ->
            batch.add(
                urls.get(id),
                replay(urls.get(id), from, checks.get(id), stored.getOrDefault(id, List.of()))));
    apply(batch);
  }

  private static AlertChanges replay(
      MonitoredUrlRule url, Instant from, List<CheckPoint> checks, List<StoredAlert> alerts) {
    StoredAlert openAtStart = null;
    Instant lastResolved = null;
    List<StoredAlert> fromOn = new ArrayList<>();
    for (StoredAlert alert : alerts) {
      AlertSpan span = alert.span();
      if (span.openAt(from)) {
        openAtStart = alert;
        fromOn.add(alert);
      } else if (!span.trigger().isBefore(from)) {
        fromOn.add(alert);
      } else if (span.resolved() != null
          && (lastResolved == null || span.resolved().isAfter(lastResolved))) {
        lastResolved = span.resolved();
      }
    }
    List<AlertSpan> computed =
        url.rule()
            .replay(
                checks == null ? List.of() : checks,
                from,
                openAtStart == null ? null : openAtStart.span(),
                lastResolved);
    return AlertChanges.between(fromOn, computed);
  }

  /**
   * The earliest new check that can change the URL's alerts: a failure while no alert is open, or a
   * success while one is. Others (a failure during an open alert, a success with none open) change
   * nothing on their own, and the replay from the first one that can still sees them.
   */
  private static Optional<Instant> firstChange(List<CheckPoint> fresh, List<StoredAlert> alerts) {
    return fresh.stream()
        .filter(
            check ->
                check.success()
                    == alerts.stream().anyMatch(alert -> alert.span().openAt(check.slot())))
        .map(CheckPoint::slot)
        .min(Comparator.naturalOrder());
  }

  private static Instant earliest(List<CheckPoint> checks) {
    return checks.stream().map(CheckPoint::slot).min(Comparator.naturalOrder()).orElseThrow();
  }

  private void apply(BatchChanges batch) {
    store.delete(batch.withdrawn.stream().map(UrlStoredAlert::alert).toList());
    store.correct(batch.corrections);
    List<Long> addedIds = store.insert(batch.added);
    List<Long> resolvedIds = new ArrayList<>(batch.resolved);
    for (int i = 0; i < addedIds.size(); i++) {
      if (!batch.added.get(i).span().isOpen()) {
        resolvedIds.add(addedIds.get(i));
      }
    }
    outbox.record(AlertEvent.OPENED, addedIds);
    outbox.record(AlertEvent.RESOLVED, resolvedIds);
    opened.increment(addedIds.size());
    resolved.increment(resolvedIds.size());
    corrected.increment(batch.corrections.size() - batch.resolved.size());
    withdrawn.increment(batch.withdrawn.size());
    logChanges(batch, addedIds);
  }

  private void logChanges(BatchChanges batch, List<Long> addedIds) {
    Instant now = clock.instant();
    for (int i = 0; i < addedIds.size(); i++) {
      var added = batch.added.get(i);
      MonitoredUrlRule url = batch.urls.get(added.urlId());
      AlertSpan span = added.span();
      log.info(
          "Alert {} opened for url {} '{}' ({}): {} failures in the {} s window exceed threshold {}"
              + " at slot {} (detected {} s after it)",
          addedIds.get(i),
          url.id(),
          url.name(),
          url.target(),
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
      MonitoredUrlRule url = batch.urls.get(c.urlId());
      if (correction.stored().span().isOpen() && !correction.span().isOpen()) {
        logResolved(correction.stored().id(), url, correction.span(), now);
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
        "Alert {} resolved for url {} '{}' ({}): first success at slot {} (detected {} s after it)",
        alertId,
        url.id(),
        url.name(),
        url.target(),
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
    final List<AlertStore.UrlAlert> added = new ArrayList<>();

    void add(MonitoredUrlRule url, AlertChanges changes) {
      if (changes.isEmpty()) {
        return;
      }
      urls.put(url.id(), url);
      changes.withdrawn().forEach(alert -> withdrawn.add(new UrlStoredAlert(url.id(), alert)));
      changes
          .corrected()
          .forEach(c -> corrections.add(new AlertStore.UrlCorrection(url.id(), c, url.rule())));
      resolved.addAll(changes.resolved());
      changes
          .added()
          .forEach(span -> added.add(new AlertStore.UrlAlert(url.id(), span, url.rule())));
    }
  }
}

package io.upwatch.worker.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.upwatch.common.CheckResult;
import io.upwatch.worker.notify.AlertEvent;
import io.upwatch.worker.notify.NotificationOutbox;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Applies the alert rule to a batch of stored results: when a URL's failures in its trailing window
 * exceed its threshold, one alert opens; the first later success resolves it; failures up to a
 * resolution never count again. Decisions read the checks table and compare slots, so they are the
 * same whatever the order, duplication or worker a result comes through, and a partial unique index
 * makes a second open alert for a URL impossible.
 */
@Component
public class AlertEvaluator {

  private static final Logger log = LoggerFactory.getLogger(AlertEvaluator.class);

  // For each failure: the failures of its URL in (slot - window, slot], after the last
  // resolution. The earliest failure per URL that breaches opens the alert, unless an alert is
  // open, a resolution already covers that slot, or a later success is already stored.
  private static final String OPEN =
      """
      WITH failure AS (
          SELECT f.url_id, timestamptz 'epoch' + f.slot_ms * interval '1 millisecond' AS slot
          FROM unnest(?::bigint[], ?::bigint[]) AS f(url_id, slot_ms)
      ), counted AS (
          SELECT f.url_id, f.slot, u.threshold, u.failure_window_seconds,
                 (SELECT count(*) FROM checks c
                  WHERE c.url_id = f.url_id AND NOT c.success AND c.slot <= f.slot
                    AND c.slot > greatest(
                        f.slot - make_interval(secs => u.failure_window_seconds),
                        coalesce((SELECT max(a.resolved_slot) FROM alerts a
                                  WHERE a.url_id = f.url_id), '-infinity'))) AS failures
          FROM failure f JOIN urls u ON u.id = f.url_id
      ), breach AS (
          SELECT DISTINCT ON (url_id) * FROM counted
          WHERE failures > threshold
            AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.url_id = counted.url_id
                              AND (a.resolved_at IS NULL OR a.resolved_slot >= counted.slot))
            AND NOT EXISTS (SELECT 1 FROM checks c WHERE c.url_id = counted.url_id
                              AND c.slot > counted.slot AND c.success)
          ORDER BY url_id, slot
      )
      INSERT INTO alerts (url_id, opened_at, failure_count, threshold, window_seconds, trigger_slot)
      SELECT url_id, now(), failures, threshold, failure_window_seconds, slot FROM breach
      ON CONFLICT (url_id) WHERE resolved_at IS NULL DO NOTHING
      RETURNING id, url_id
      """;

  private static final String RESOLVE =
      """
      UPDATE alerts a
      SET resolved_at = greatest(now(), a.opened_at), resolved_slot = s.slot
      FROM (SELECT open.id, min(timestamptz 'epoch' + r.slot_ms * interval '1 millisecond') AS slot
            FROM unnest(?::bigint[], ?::bigint[]) AS r(url_id, slot_ms)
            JOIN alerts open ON open.url_id = r.url_id AND open.resolved_at IS NULL
            WHERE timestamptz 'epoch' + r.slot_ms * interval '1 millisecond' > open.trigger_slot
            GROUP BY open.id) s
      WHERE a.id = s.id AND a.resolved_at IS NULL
      RETURNING a.id, a.url_id
      """;

  private final JdbcClient jdbc;
  private final NotificationOutbox outbox;
  private final Counter opened;
  private final Counter resolved;

  AlertEvaluator(JdbcClient jdbc, NotificationOutbox outbox, MeterRegistry registry) {
    this.jdbc = jdbc;
    this.outbox = outbox;
    this.opened = registry.counter("upwatch.alerts", "event", "opened");
    this.resolved = registry.counter("upwatch.alerts", "event", "resolved");
  }

  /**
   * Evaluates results that are already stored in checks and records the notifications of every
   * alert opened or resolved, all in the caller's transaction.
   */
  public void evaluate(List<CheckResult> results) {
    List<CheckResult> failures = results.stream().filter(r -> !r.success()).toList();
    List<CheckResult> successes = results.stream().filter(CheckResult::success).toList();
    if (!failures.isEmpty()) {
      apply(OPEN, failures, AlertEvent.OPENED, opened);
    }
    if (!successes.isEmpty()) {
      apply(RESOLVE, successes, AlertEvent.RESOLVED, resolved);
    }
  }

  private void apply(String sql, List<CheckResult> results, AlertEvent event, Counter counter) {
    Long[] urlIds = results.stream().map(r -> r.id().urlId()).toArray(Long[]::new);
    Long[] slots = results.stream().map(r -> r.id().slot().toEpochMilli()).toArray(Long[]::new);
    List<AlertChange> changes =
        jdbc.sql(sql)
            .params(urlIds, slots)
            .query((rs, row) -> new AlertChange(rs.getLong("id"), rs.getLong("url_id")))
            .list();
    if (changes.isEmpty()) {
      return;
    }
    counter.increment(changes.size());
    changes.forEach(c -> log.info("Alert {} {} for url {}", c.alertId(), event.type(), c.urlId()));
    outbox.record(event, changes.stream().map(AlertChange::alertId).toList());
  }

  private record AlertChange(long alertId, long urlId) {}
}

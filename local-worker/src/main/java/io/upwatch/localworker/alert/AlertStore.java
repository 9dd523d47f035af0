package io.upwatch.localworker.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of alert evaluation: per-URL locks, the rule, the stored alerts and checks it replays,
 * and the rows it corrects. Every statement takes a whole batch of URLs.
 */
@Repository
class AlertStore {

  // Evaluations of one URL take turns on its row here, so each sees every check the previous one
  // stored. A table of its own rather than urls: the scheduler claims urls with SKIP LOCKED and
  // would skip a URL while it is being evaluated. Sorted, so two batches never deadlock.
  private static final String ENSURE_LOCKS =
      """
      INSERT INTO alert_locks (url_id)
      SELECT id FROM urls WHERE id = ANY(?) ORDER BY id
      ON CONFLICT DO NOTHING
      """;

  private static final String LOCK_AND_READ_RULES =
      """
      SELECT u.id, u.name, u.url, u.threshold, u.failure_window_seconds, u.interval_seconds,
             u.timeout_ms
      FROM alert_locks l JOIN urls u ON u.id = l.url_id
      WHERE l.url_id = ANY(?)
      ORDER BY l.url_id
      FOR UPDATE OF l
      """;

  private static final String ALERTS =
      """
      SELECT a.id, a.url_id, a.trigger_slot, a.failure_count, a.resolved_slot
      FROM unnest(?::bigint[], ?::bigint[]) AS q(url_id, since_ms)
      JOIN alerts a ON a.url_id = q.url_id AND a.kind = 'AVAILABILITY'
      WHERE a.resolved_at IS NULL
         OR a.resolved_slot > timestamptz 'epoch' + q.since_ms * interval '1 millisecond'
      ORDER BY a.url_id, a.trigger_slot
      """;

  private static final String CHECKS =
      """
      SELECT c.url_id, c.slot, c.success
      FROM unnest(?::bigint[], ?::bigint[]) AS q(url_id, after_ms)
      JOIN checks c ON c.url_id = q.url_id
                   AND c.slot > timestamptz 'epoch' + q.after_ms * interval '1 millisecond'
      ORDER BY c.url_id, c.slot
      """;

  private static final String DELETE = "DELETE FROM alerts WHERE id = ANY(?)";

  // A resolution learned now is stamped now; a corrected resolution keeps the time it was
  // announced. The rule's values follow the trigger: they are the ones it was evaluated with.
  private static final String CORRECT =
      """
      UPDATE alerts a
      SET trigger_slot = timestamptz 'epoch' + c.trigger_ms * interval '1 millisecond',
          failure_count = c.failure_count,
          threshold = CASE WHEN c.trigger_moved THEN c.threshold ELSE a.threshold END,
          window_seconds = CASE WHEN c.trigger_moved THEN c.window_seconds ELSE a.window_seconds END,
          resolved_slot = timestamptz 'epoch' + c.resolved_ms * interval '1 millisecond',
          resolved_at = CASE WHEN c.resolved_ms IS NULL THEN NULL
                             ELSE coalesce(a.resolved_at, greatest(now(), a.opened_at)) END
      FROM unnest(?::bigint[], ?::bigint[], ?::int[], ?::bigint[], ?::boolean[], ?::int[], ?::int[])
           AS c(id, trigger_ms, failure_count, resolved_ms, trigger_moved, threshold, window_seconds)
      WHERE a.id = c.id
      """;

  private static final String INSERT =
      """
      INSERT INTO alerts (url_id, opened_at, resolved_at, failure_count, threshold, window_seconds,
                          trigger_slot, resolved_slot)
      SELECT n.url_id, now(), CASE WHEN n.resolved_ms IS NULL THEN NULL ELSE now() END,
             n.failure_count, n.threshold, n.window_seconds,
             timestamptz 'epoch' + n.trigger_ms * interval '1 millisecond',
             timestamptz 'epoch' + n.resolved_ms * interval '1 millisecond'
      FROM unnest(?::bigint[], ?::bigint[], ?::int[], ?::bigint[], ?::int[], ?::int[])
           AS n(url_id, trigger_ms, failure_count, resolved_ms, threshold, window_seconds)
      RETURNING id, url_id, trigger_slot
      """;

  private final JdbcClient jdbc;

  AlertStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Locks the URLs for this transaction and reads their rules; deleted URLs are left out.
   *
   * @param urlIds distinct ids, in any order
   */
  Map<Long, MonitoredUrlRule> lock(Long[] urlIds) {
    jdbc.sql(ENSURE_LOCKS).param(urlIds).update();
    Map<Long, MonitoredUrlRule> rules = new HashMap<>();
    jdbc.sql(LOCK_AND_READ_RULES)
        .param(urlIds)
        .query(
            (rs, row) ->
                new MonitoredUrlRule(
                    rs.getLong("id"),
                    rs.getString("name"),
                    rs.getString("url"),
                    new AlertRule(
                        rs.getInt("threshold"),
                        Duration.ofSeconds(rs.getInt("failure_window_seconds"))),
                    Duration.ofSeconds(rs.getInt("interval_seconds")),
                    Duration.ofMillis(rs.getInt("timeout_ms"))))
        .list()
        .forEach(rule -> rules.put(rule.id(), rule));
    return rules;
  }

  /**
   * Per URL, in slot order: its open alert and every alert resolved after {@code since} (the two
   * partial indexes on open and on resolved alerts serve the two halves).
   */
  Map<Long, List<StoredAlert>> alerts(Map<Long, Instant> since) {
    Map<Long, List<StoredAlert>> alerts = new HashMap<>();
    Bounds bounds = Bounds.of(since);
    jdbc.sql(ALERTS)
        .params(bounds.urlIds(), bounds.millis())
        .query(
            rs -> {
              AlertSpan span =
                  new AlertSpan(
                      instant(rs, "trigger_slot"),
                      rs.getInt("failure_count"),
                      instant(rs, "resolved_slot"));
              alerts
                  .computeIfAbsent(rs.getLong("url_id"), id -> new ArrayList<>())
                  .add(new StoredAlert(rs.getLong("id"), span));
            });
    return alerts;
  }

  /** Per URL, in slot order: its checks after {@code after}. */
  Map<Long, List<CheckPoint>> checks(Map<Long, Instant> after) {
    Map<Long, List<CheckPoint>> checks = new HashMap<>();
    Bounds bounds = Bounds.of(after);
    jdbc.sql(CHECKS)
        .params(bounds.urlIds(), bounds.millis())
        .query(
            rs -> {
              checks
                  .computeIfAbsent(rs.getLong("url_id"), id -> new ArrayList<>())
                  .add(new CheckPoint(instant(rs, "slot"), rs.getBoolean("success")));
            });
    return checks;
  }

  void delete(List<StoredAlert> alerts) {
    if (!alerts.isEmpty()) {
      jdbc.sql(DELETE).param(alerts.stream().map(StoredAlert::id).toArray(Long[]::new)).update();
    }
  }

  /** Corrects stored alerts, each with the rule of its URL. */
  void correct(List<UrlCorrection> corrections) {
    if (corrections.isEmpty()) {
      return;
    }
    int n = corrections.size();
    Long[] ids = new Long[n];
    Long[] triggers = new Long[n];
    Integer[] counts = new Integer[n];
    Long[] resolutions = new Long[n];
    Boolean[] moved = new Boolean[n];
    Integer[] thresholds = new Integer[n];
    Integer[] windows = new Integer[n];
    for (int i = 0; i < n; i++) {
      var correction = corrections.get(i).correction();
      AlertRule rule = corrections.get(i).rule();
      ids[i] = correction.stored().id();
      triggers[i] = correction.span().trigger().toEpochMilli();
      counts[i] = correction.span().failureCount();
      resolutions[i] = millisOrNull(correction.span().resolved());
      moved[i] = correction.triggerMoved();
      thresholds[i] = rule.threshold();
      windows[i] = Math.toIntExact(rule.window().toSeconds());
    }
    jdbc.sql(CORRECT)
        .params(ids, triggers, counts, resolutions, moved, thresholds, windows)
        .update();
  }

  /** Inserts new alerts; returns their ids in the order given. */
  List<Long> insert(List<UrlAlert> alerts) {
    if (alerts.isEmpty()) {
      return List.of();
    }
    int n = alerts.size();
    Long[] urls = new Long[n];
    Long[] triggers = new Long[n];
    Integer[] counts = new Integer[n];
    Long[] resolutions = new Long[n];
    Integer[] thresholds = new Integer[n];
    Integer[] windows = new Integer[n];
    for (int i = 0; i < n; i++) {
      AlertSpan span = alerts.get(i).span();
      AlertRule rule = alerts.get(i).rule();
      urls[i] = alerts.get(i).urlId();
      triggers[i] = span.trigger().toEpochMilli();
      counts[i] = span.failureCount();
      resolutions[i] = millisOrNull(span.resolved());
      thresholds[i] = rule.threshold();
      windows[i] = Math.toIntExact(rule.window().toSeconds());
    }
    Map<UrlAlertKey, Long> ids = new HashMap<>();
    jdbc.sql(INSERT)
        .params(urls, triggers, counts, resolutions, thresholds, windows)
        .query(
            rs -> {
              ids.put(
                  new UrlAlertKey(rs.getLong("url_id"), instant(rs, "trigger_slot")),
                  rs.getLong("id"));
            });
    return alerts.stream()
        .map(a -> ids.get(new UrlAlertKey(a.urlId(), a.span().trigger())))
        .toList();
  }

  /** A new alert of a URL and the rule that raised it. */
  record UrlAlert(long urlId, AlertSpan span, AlertRule rule) {}

  /** A correction of a URL's stored alert and the rule it was evaluated with. */
  record UrlCorrection(long urlId, AlertChanges.Correction correction, AlertRule rule) {}

  private record UrlAlertKey(long urlId, Instant trigger) {}

  private record Bounds(Long[] urlIds, Long[] millis) {
    static Bounds of(Map<Long, Instant> bounds) {
      Long[] ids = new Long[bounds.size()];
      Long[] millis = new Long[bounds.size()];
      int i = 0;
      for (var entry : bounds.entrySet()) {
        ids[i] = entry.getKey();
        millis[i++] = entry.getValue().toEpochMilli();
      }
      return new Bounds(ids, millis);
    }
  }

  private static Long millisOrNull(Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}

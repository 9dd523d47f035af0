package io.upwatch.localworker.alert;

import io.upwatch.common.region.DeploymentRegions;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of alert evaluation: per-URL locks, the rule, the stored alerts and checks it replays,
 * and the rows it corrects. Every statement takes a whole batch of URLs.
 */
@Repository
class AlertStore {

  /** The region of results that come from none: a heartbeat's pings and missed periods. */
  static final String NO_REGION = "";

  private static final String HEARTBEAT = "HEARTBEAT";

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
      SELECT u.id, u.name, u.url, u.kind, u.threshold, u.failure_window_seconds,
             u.interval_seconds, u.timeout_ms, u.regions, u.quorum
      FROM alert_locks l JOIN urls u ON u.id = l.url_id
      WHERE l.url_id = ANY(?)
      ORDER BY l.url_id
      FOR UPDATE OF l
      """;

  // Alerts and breaches in one round trip: the hot path of a healthy URL reads nothing else. Each
  // URL's rows come laterally through the partial indexes, the open one and those ended after the
  // bound, so a URL's read costs what it returns whatever its history: a URL of years of alerts was
  // read whole and filtered (a heap page an alert), and with stale statistics (autovacuum off,
  // or a table that grew fast) both tables were hashed from sequential scans. OFFSET 0 keeps the
  // planner from turning the lateral reads back into joins.
  static final String HISTORY =
      """
      WITH q AS (
          SELECT url_id, timestamptz 'epoch' + since_ms * interval '1 millisecond' AS since
          FROM unnest(?::bigint[], ?::bigint[]) AS q(url_id, since_ms))
      SELECT FALSE AS breach, a.id, q.url_id, a.trigger_slot, a.failure_count, a.resolved_slot,
             a.regions
      FROM q CROSS JOIN LATERAL (
          SELECT id, trigger_slot, failure_count, resolved_slot, regions FROM alerts
          WHERE url_id = q.url_id AND kind = 'AVAILABILITY' AND resolved_at IS NULL
          UNION ALL
          SELECT id, trigger_slot, failure_count, resolved_slot, regions FROM alerts
          WHERE url_id = q.url_id AND kind = 'AVAILABILITY' AND resolved_slot > q.since
            AND resolved_at IS NOT NULL
          OFFSET 0) a
      UNION ALL
      SELECT TRUE, b.id, q.url_id, b.trigger_slot, b.failure_count, b.resolved_slot,
             ARRAY[b.region::text]
      FROM q CROSS JOIN LATERAL (
          SELECT id, region, trigger_slot, failure_count, resolved_slot FROM region_breaches
          WHERE url_id = q.url_id AND resolved_slot IS NULL
          UNION ALL
          SELECT id, region, trigger_slot, failure_count, resolved_slot FROM region_breaches
          WHERE url_id = q.url_id AND resolved_slot > q.since
          OFFSET 0) b
      ORDER BY url_id, trigger_slot
      """;

  // Each URL's checks through the primary key, one URL after the other, whatever the statistics
  // say: OFFSET 0 keeps the planner from turning the lateral read into a join. As a join, the day's
  // partition with statistics of when it was small (before autovacuum analyzes it, or never where
  // autovacuum is off) was hashed from a sequential scan: every page of the partition for each
  // batch with a URL to replay, 660 ms at 800,000 rows, where the key reads its 30 rows in 3 ms.
  static final String CHECKS =
      """
      SELECT q.url_id, c.region, c.slot, c.success
      FROM unnest(?::bigint[], ?::bigint[]) AS q(url_id, after_ms)
      CROSS JOIN LATERAL (
          SELECT region, slot, success FROM checks
          WHERE url_id = q.url_id
            AND slot > timestamptz 'epoch' + q.after_ms * interval '1 millisecond'
          OFFSET 0) c
      ORDER BY q.url_id, c.slot, c.region
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
          quorum = CASE WHEN c.trigger_moved THEN c.quorum ELSE a.quorum END,
          regions = c.regions::text[],
          resolved_slot = timestamptz 'epoch' + c.resolved_ms * interval '1 millisecond',
          resolved_at = CASE WHEN c.resolved_ms IS NULL THEN NULL
                             ELSE coalesce(a.resolved_at, greatest(now(), a.opened_at)) END,
          reopened = a.reopened
                     + CASE WHEN a.resolved_at IS NOT NULL AND c.resolved_ms IS NULL THEN 1 ELSE 0 END
      FROM unnest(?::bigint[], ?::bigint[], ?::int[], ?::bigint[], ?::boolean[], ?::int[], ?::int[],
                  ?::int[], ?::text[])
           AS c(id, trigger_ms, failure_count, resolved_ms, trigger_moved, threshold, window_seconds,
                quorum, regions)
      WHERE a.id = c.id
      """;

  private static final String INSERT =
      """
      INSERT INTO alerts (url_id, opened_at, resolved_at, failure_count, threshold, window_seconds,
                          trigger_slot, resolved_slot, quorum, regions)
      SELECT n.url_id, now(), CASE WHEN n.resolved_ms IS NULL THEN NULL ELSE now() END,
             n.failure_count, n.threshold, n.window_seconds,
             timestamptz 'epoch' + n.trigger_ms * interval '1 millisecond',
             timestamptz 'epoch' + n.resolved_ms * interval '1 millisecond',
             n.quorum, n.regions::text[]
      FROM unnest(?::bigint[], ?::bigint[], ?::int[], ?::bigint[], ?::int[], ?::int[], ?::int[],
                  ?::text[])
           AS n(url_id, trigger_ms, failure_count, resolved_ms, threshold, window_seconds, quorum,
                regions)
      RETURNING id, url_id, trigger_slot
      """;

  private final JdbcClient jdbc;
  private final DeploymentRegions deployment;

  AlertStore(JdbcClient jdbc, DeploymentRegions deployment) {
    this.jdbc = jdbc;
    this.deployment = deployment;
  }

  /**
   * Locks the URLs for this transaction and reads their rules; deleted URLs are left out. A URL
   * without regions of its own is checked from every region of the deployment; a heartbeat's pings
   * come from no region, so it has the one region {@code ""}, with a quorum of one.
   *
   * @param urlIds distinct ids, in any order
   */
  Map<Long, MonitoredUrlRule> lock(Long[] urlIds) {
    jdbc.sql(ENSURE_LOCKS).param(urlIds).update();
    Map<Long, MonitoredUrlRule> rules = new HashMap<>();
    jdbc.sql(LOCK_AND_READ_RULES)
        .param(urlIds)
        .query(
            (rs, row) -> {
              Duration window = Duration.ofSeconds(rs.getInt("failure_window_seconds"));
              Duration interval = Duration.ofSeconds(rs.getInt("interval_seconds"));
              return new MonitoredUrlRule(
                  rs.getLong("id"),
                  rs.getString("name"),
                  rs.getString("url"),
                  new AlertRule(rs.getInt("threshold"), window),
                  quorum(rs, QuorumRule.lapseOf(window, interval)),
                  interval,
                  Duration.ofMillis(rs.getInt("timeout_ms")));
            })
        .list()
        .forEach(rule -> rules.put(rule.id(), rule));
    return rules;
  }

  private QuorumRule quorum(ResultSet rs, Duration lapse) throws SQLException {
    if (HEARTBEAT.equals(rs.getString("kind"))) {
      return new QuorumRule(List.of(NO_REGION), 1, lapse);
    }
    List<String> own = regions(rs.getArray("regions"));
    Integer quorum = rs.getObject("quorum", Integer.class);
    return new QuorumRule(deployment.of(own), deployment.quorumOf(own, quorum), lapse);
  }

  /**
   * Per URL, in slot order: its open alert and every alert resolved after {@code since}, and the
   * same of its regions' breaches (the partial indexes on open and on ended rows serve each half).
   */
  Map<Long, StoredHistory> history(Map<Long, Instant> since) {
    Map<Long, StoredHistory> history = new HashMap<>();
    Bounds bounds = Bounds.of(since);
    jdbc.sql(HISTORY)
        .params(bounds.urlIds(), bounds.millis())
        .query(
            rs -> {
              AlertSpan span =
                  new AlertSpan(
                      instant(rs, "trigger_slot"),
                      rs.getInt("failure_count"),
                      instant(rs, "resolved_slot"),
                      regions(rs.getArray("regions")));
              StoredHistory of =
                  history.computeIfAbsent(rs.getLong("url_id"), id -> new StoredHistory());
              (rs.getBoolean("breach") ? of.breaches() : of.alerts())
                  .add(new StoredAlert(rs.getLong("id"), span));
            });
    return history;
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
                  .add(
                      new CheckPoint(
                          rs.getString("region"), instant(rs, "slot"), rs.getBoolean("success")));
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
    Integer[] quorums = new Integer[n];
    String[] regions = new String[n];
    for (int i = 0; i < n; i++) {
      var correction = corrections.get(i).correction();
      MonitoredUrlRule url = corrections.get(i).url();
      ids[i] = correction.stored().id();
      triggers[i] = correction.span().trigger().toEpochMilli();
      counts[i] = correction.span().failureCount();
      resolutions[i] = millisOrNull(correction.span().resolved());
      moved[i] = correction.triggerMoved();
      thresholds[i] = url.rule().threshold();
      windows[i] = Math.toIntExact(url.rule().window().toSeconds());
      quorums[i] = url.quorum().quorum();
      regions[i] = arrayLiteral(correction.span().regions());
    }
    jdbc.sql(CORRECT)
        .params(ids, triggers, counts, resolutions, moved, thresholds, windows, quorums, regions)
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
    Integer[] quorums = new Integer[n];
    String[] regions = new String[n];
    for (int i = 0; i < n; i++) {
      AlertSpan span = alerts.get(i).span();
      MonitoredUrlRule url = alerts.get(i).url();
      urls[i] = url.id();
      triggers[i] = span.trigger().toEpochMilli();
      counts[i] = span.failureCount();
      resolutions[i] = millisOrNull(span.resolved());
      thresholds[i] = url.rule().threshold();
      windows[i] = Math.toIntExact(url.rule().window().toSeconds());
      quorums[i] = url.quorum().quorum();
      regions[i] = arrayLiteral(span.regions());
    }
    Map<UrlAlertKey, Long> ids = new HashMap<>();
    jdbc.sql(INSERT)
        .params(urls, triggers, counts, resolutions, thresholds, windows, quorums, regions)
        .query(
            rs -> {
              ids.put(
                  new UrlAlertKey(rs.getLong("url_id"), instant(rs, "trigger_slot")),
                  rs.getLong("id"));
            });
    return alerts.stream()
        .map(a -> ids.get(new UrlAlertKey(a.url().id(), a.span().trigger())))
        .toList();
  }

  /** A new alert of a URL and the rules that raised it. */
  record UrlAlert(MonitoredUrlRule url, AlertSpan span) {}

  /** A correction of a URL's stored alert and the rules it was evaluated with. */
  record UrlCorrection(MonitoredUrlRule url, AlertChanges.Correction correction) {}

  /** A URL's stored alerts and breaches, each in slot order. */
  record StoredHistory(List<StoredAlert> alerts, List<StoredAlert> breaches) {
    StoredHistory() {
      this(new ArrayList<>(), new ArrayList<>());
    }
  }

  private record UrlAlertKey(long urlId, Instant trigger) {}

  /**
   * A list of region labels as a PostgreSQL array literal, to pass lists of different lengths
   * through one {@code unnest}: labels are letters, digits, '.', '_' and '-', or empty.
   */
  static String arrayLiteral(List<String> labels) {
    return labels.stream()
        .map(label -> '"' + label + '"')
        .collect(Collectors.joining(",", "{", "}"));
  }

  static List<String> regions(Array array) throws SQLException {
    return array == null ? List.of() : List.of((String[]) array.getArray());
  }

  static Long millisOrNull(Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }

  record Bounds(Long[] urlIds, Long[] millis) {
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
}

package io.upwatch.api.dashboard;

import io.upwatch.api.config.ApiProperties;
import io.upwatch.common.region.DeploymentRegions;
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
 * The monitors list in a fixed number of statements whatever the page holds: one for the page of
 * monitors with each one's last check (a backward probe of the checks key per monitor, index-only),
 * one grouped aggregate of the page's seven days of slots by hour (uptime 24 h / 7 d and the
 * sparkline), and a count of the search's matches when no state filter is set. No query per row.
 */
@Repository
class MonitorListQueries {

  private static final String COLUMNS =
      """
      u.id, u.name, u.url, u.enabled,
      last.slot AS last_slot, last.success AS last_success, last.status_code AS last_status,
      last.latency_ms AS last_latency,
      EXISTS (SELECT 1 FROM alerts a
              WHERE a.url_id = u.id AND a.kind = 'AVAILABILITY' AND a.resolved_at IS NULL)
          AS alert_open
      """;

  // The newest check within the retention: partitions are pruned at run time and scanned newest
  // first, so this stops at the first row found.
  private static final String LAST_CHECK =
      """
      LEFT JOIN LATERAL (
          SELECT c.slot, c.success, c.status_code, c.latency_ms
          FROM checks c
          WHERE c.url_id = u.id AND c.slot > :since
          ORDER BY c.slot DESC
          LIMIT 1) last ON true
      """;

  private static final String SEARCH = "(:query = '' OR u.name ILIKE :like OR u.url ILIKE :like)";

  // Without a state filter the page is chosen from urls alone, and only its rows probe checks.
  private static final String PAGE =
      "SELECT "
          + COLUMNS
          + " FROM (SELECT * FROM urls u WHERE u.user_id = :user AND "
          + SEARCH
          + " ORDER BY u.name LIMIT :limit OFFSET :offset) u "
          + LAST_CHECK
          + " ORDER BY u.name";

  // With one, the state is known only after the probe, so rows are probed in name order until
  // the page is full.
  private static final String FILTERED_PAGE =
      "SELECT "
          + COLUMNS
          + " FROM urls u "
          + LAST_CHECK
          + " WHERE u.user_id = :user AND "
          + SEARCH
          + " AND %s ORDER BY u.name LIMIT :limit OFFSET :offset";

  private static final Map<MonitorState, String> STATE_CONDITIONS =
      Map.of(
          MonitorState.PAUSED, "NOT u.enabled",
          MonitorState.UP, "u.enabled AND last.success",
          MonitorState.DOWN, "u.enabled AND NOT last.success",
          MonitorState.NO_DATA, "u.enabled AND last.slot IS NULL");

  // Slots, as the stats count them: down when at least the URL's quorum of regions failed it.
  private static final String HOURLY =
      """
      SELECT x.url_id,
             date_bin(INTERVAL '1 hour', x.slot, CAST(:origin AS timestamptz)) AS hour,
             count(DISTINCT x.slot) AS checks,
             count(DISTINCT x.slot) FILTER (WHERE x.slot_failures < x.quorum) AS successes,
             avg(x.latency_ms::float8) FILTER (WHERE x.status_code IS NOT NULL) AS latency
      FROM (SELECT c.url_id, c.slot, c.latency_ms, c.status_code,
                   count(*) FILTER (WHERE NOT c.success)
                       OVER (PARTITION BY c.url_id, c.slot) AS slot_failures,
                   upwatch_quorum(u.kind, u.regions, u.quorum, CAST(:deployment AS text[]))
                       AS quorum
            FROM checks c
            JOIN urls u ON u.id = c.url_id
            WHERE c.url_id = ANY(:ids) AND c.slot > :origin AND c.slot <= :now) x
      GROUP BY x.url_id, hour
      """;

  private final JdbcClient jdbc;
  private final Duration retention;
  private final String[] deployment;

  MonitorListQueries(JdbcClient jdbc, ApiProperties properties, DeploymentRegions deployment) {
    this.jdbc = jdbc;
    this.retention = properties.statsRetention();
    this.deployment = deployment.regions().toArray(String[]::new);
  }

  MonitorListPage page(long userId, MonitorFilter filter, Instant now) {
    String sql =
        filter.state() == null
            ? PAGE
            : FILTERED_PAGE.formatted(STATE_CONDITIONS.get(filter.state()));
    List<LastCheck> found =
        jdbc.sql(sql)
            .param("user", userId)
            .param("query", filter.query())
            .param("like", filter.likePattern())
            .param("since", Timestamp.from(now.minus(retention)))
            .param("limit", MonitorFilter.PAGE_SIZE + 1)
            .param("offset", filter.offset())
            .query(MonitorListQueries::lastCheck)
            .list();
    boolean hasNext = found.size() > MonitorFilter.PAGE_SIZE;
    List<LastCheck> page = hasNext ? found.subList(0, MonitorFilter.PAGE_SIZE) : found;
    Map<Long, HourlyBuckets> hourly = hourly(page, now);
    List<MonitorRow> rows = new ArrayList<>(page.size());
    for (LastCheck row : page) {
      rows.add(row.toRow(hourly.getOrDefault(row.id(), new HourlyBuckets())));
    }
    Long total = filter.state() == null ? count(userId, filter) : null;
    return new MonitorListPage(rows, filter, total, hasNext);
  }

  private Map<Long, HourlyBuckets> hourly(List<LastCheck> page, Instant now) {
    Map<Long, HourlyBuckets> byUrl = new HashMap<>();
    if (page.isEmpty()) {
      return byUrl;
    }
    Instant origin = now.minus(Duration.ofHours(HourlyBuckets.HOURS));
    jdbc.sql(HOURLY)
        .param("ids", page.stream().map(LastCheck::id).toArray(Long[]::new))
        .param("origin", Timestamp.from(origin))
        .param("now", Timestamp.from(now))
        .param("deployment", deployment)
        .query(
            rs -> {
              Instant hour = rs.getTimestamp("hour").toInstant();
              byUrl
                  .computeIfAbsent(rs.getLong("url_id"), id -> new HourlyBuckets())
                  .add(
                      (int) Duration.between(origin, hour).toHours(),
                      rs.getLong("checks"),
                      rs.getLong("successes"),
                      rs.getObject("latency", Double.class));
            });
    return byUrl;
  }

  private long count(long userId, MonitorFilter filter) {
    return jdbc.sql("SELECT count(*) FROM urls u WHERE u.user_id = :user AND " + SEARCH)
        .param("user", userId)
        .param("query", filter.query())
        .param("like", filter.likePattern())
        .query(Long.class)
        .single();
  }

  private static LastCheck lastCheck(ResultSet rs, int row) throws SQLException {
    Timestamp slot = rs.getTimestamp("last_slot");
    return new LastCheck(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("url"),
        rs.getBoolean("enabled"),
        rs.getBoolean("alert_open"),
        slot == null ? null : slot.toInstant(),
        slot == null ? null : rs.getBoolean("last_success"),
        rs.getObject("last_status", Integer.class),
        rs.getObject("last_latency", Integer.class));
  }

  /** A monitor of the page with its last check, before the hourly aggregate joins it. */
  private record LastCheck(
      long id,
      String name,
      String url,
      boolean enabled,
      boolean alertOpen,
      Instant slot,
      Boolean success,
      Integer status,
      Integer latencyMs) {

    MonitorRow toRow(HourlyBuckets hours) {
      return new MonitorRow(
          id,
          name,
          url,
          MonitorState.of(enabled, success),
          alertOpen,
          slot,
          status,
          latencyMs,
          hours.uptimePercent(HourlyBuckets.DAY),
          hours.uptimePercent(HourlyBuckets.HOURS),
          Sparkline.of(hours.lastDayLatency(), hours.lastDayFailures()));
    }
  }
}

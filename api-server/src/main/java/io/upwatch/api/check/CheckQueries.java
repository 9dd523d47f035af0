package io.upwatch.api.check;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the checks table. Aggregates run in PostgreSQL on the (url_id, slot) key of each daily
 * partition, so a day of checks is never loaded into memory.
 */
@Repository
class CheckQueries {

  // Reads only columns of the primary key's index: an index-only scan (schema V4).
  private static final String STATS =
      """
      SELECT count(*) AS checks,
             count(*) FILTER (WHERE success) AS successes,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms)
                 FILTER (WHERE status_code IS NOT NULL) AS p50,
             percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms)
                 FILTER (WHERE status_code IS NOT NULL) AS p95
      FROM checks
      WHERE url_id = :url AND slot > :from AND slot <= :to
      """;

  private final JdbcClient jdbc;

  CheckQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The stats of the user's URL, or empty when the user has no such URL: the ownership check and
   * the aggregate in one statement, so a stats request is one round trip and no transaction.
   */
  Optional<UrlStats> statsOfOwned(long userId, long urlId, Instant from, Instant to) {
    return jdbc.sql(
            """
            SELECT s.*
            FROM urls u
            CROSS JOIN LATERAL (%s) s
            WHERE u.id = :url AND u.user_id = :user
            """
                .formatted(STATS))
        .param("url", urlId)
        .param("user", userId)
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .query((rs, row) -> toStats(rs, urlId, from, to))
        .optional();
  }

  UrlStats stats(long urlId, Instant from, Instant to) {
    return jdbc.sql(STATS)
        .param("url", urlId)
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .query((rs, row) -> toStats(rs, urlId, from, to))
        .single();
  }

  List<CheckResponse> recent(long urlId, Instant since, int limit) {
    return jdbc.sql(
            """
            SELECT slot, started_at, success, status_code, failure_kind, message, latency_ms, region
            FROM checks
            WHERE url_id = :url AND slot > :since
            ORDER BY slot DESC
            LIMIT :limit
            """)
        .param("url", urlId)
        .param("since", Timestamp.from(since))
        .param("limit", limit)
        .query(
            (rs, row) ->
                new CheckResponse(
                    rs.getTimestamp("slot").toInstant(),
                    rs.getTimestamp("started_at").toInstant(),
                    rs.getBoolean("success"),
                    (Integer) rs.getObject("status_code", Integer.class),
                    rs.getString("failure_kind"),
                    rs.getString("message"),
                    rs.getLong("latency_ms"),
                    rs.getString("region")))
        .list();
  }

  private static UrlStats toStats(ResultSet rs, long urlId, Instant from, Instant to)
      throws SQLException {
    long checks = rs.getLong("checks");
    long successes = rs.getLong("successes");
    Double uptime = checks == 0 ? null : Math.round(successes * 10000.0 / checks) / 100.0;
    return new UrlStats(
        urlId,
        from,
        to,
        checks,
        successes,
        checks - successes,
        uptime,
        rs.getObject("p50", Double.class),
        rs.getObject("p95", Double.class));
  }
}

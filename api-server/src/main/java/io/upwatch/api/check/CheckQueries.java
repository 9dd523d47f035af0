package io.upwatch.api.check;

import io.upwatch.api.history.Totals;
import io.upwatch.common.region.DeploymentRegions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
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

  // How many regions must fail a slot for it to be down: the URL's quorum, or 1 with a filter.
  private static final String QUORUM =
      """
      CASE WHEN CAST(:region AS text) IS NULL
           THEN upwatch_quorum(u.kind, u.regions, u.quorum, CAST(:deployment AS text[]))
           ELSE 1 END""";

  // One row for the URL's slots (down when at least the quorum of regions failed it; the window
  // counts each slot's failures beside its checks) and one per region, from one read of the key's
  // index (schema V4, V11). The totals row always comes back (an empty grouping set): without
  // checks with zeros, and without the URL (or not the caller's) with rows = 0.
  private static final String STATS =
      """
      SELECT grouping(x.region) = 1 AS total, x.region, max(%1$s) AS quorum, count(u.id) AS rows,
             count(DISTINCT x.slot) AS slots,
             count(DISTINCT x.slot) FILTER (WHERE x.slot_failures >= %1$s) AS down,
             count(x.slot) AS checks,
             count(x.slot) FILTER (WHERE NOT x.success) AS failures,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY x.latency_ms)
                 FILTER (WHERE x.status_code IS NOT NULL) AS p50,
             percentile_cont(0.95) WITHIN GROUP (ORDER BY x.latency_ms)
                 FILTER (WHERE x.status_code IS NOT NULL) AS p95
      FROM urls u
      LEFT JOIN LATERAL (
          SELECT c.region, c.slot, c.success, c.status_code, c.latency_ms,
                 count(*) FILTER (WHERE NOT c.success) OVER (PARTITION BY c.slot) AS slot_failures
          FROM checks c
          WHERE c.url_id = u.id AND c.slot > :from AND c.slot <= :to
            AND (CAST(:region AS text) IS NULL OR c.region = :region)) x ON TRUE
      WHERE u.id = :url %2$s
      GROUP BY GROUPING SETS ((), (x.region))
      """;

  private final JdbcClient jdbc;
  private final String[] deployment;

  CheckQueries(JdbcClient jdbc, DeploymentRegions deployment) {
    this.jdbc = jdbc;
    this.deployment = deployment.regions().toArray(String[]::new);
  }

  /**
   * The stats of the user's URL, or empty when the user has no such URL: the ownership check and
   * the aggregates in one statement, so a stats request is one round trip and no transaction.
   *
   * @param region only this region's checks, or null for all
   */
  Optional<UrlStats> statsOfOwned(
      long userId, long urlId, Instant from, Instant to, String region) {
    return stats("AND u.user_id = :user", urlId, from, to, region, userId);
  }

  UrlStats stats(long urlId, Instant from, Instant to, String region) {
    return stats("", urlId, from, to, region, null).orElseThrow();
  }

  private Optional<UrlStats> stats(
      String owned, long urlId, Instant from, Instant to, String region, Long userId) {
    var statement =
        jdbc.sql(STATS.formatted(QUORUM, owned))
            .param("url", urlId)
            .param("from", Timestamp.from(from))
            .param("to", Timestamp.from(to))
            .param("region", region)
            .param("deployment", deployment);
    if (userId != null) {
      statement = statement.param("user", userId);
    }
    List<StatsRow> rows = statement.query(CheckQueries::row).list();
    return rows.stream()
        .filter(row -> row.total() && row.rows() > 0)
        .findFirst()
        .map(total -> total.toStats(urlId, from, to, region, regionsOf(rows)));
  }

  /** How many of the URL's regions must fail a slot for it to be down. */
  int quorumOf(long urlId) {
    return jdbc.sql(
            "SELECT upwatch_quorum(kind, regions, quorum, CAST(:deployment AS text[]))"
                + " FROM urls WHERE id = :url")
        .param("deployment", deployment)
        .param("url", urlId)
        .query(Integer.class)
        .single();
  }

  List<CheckResponse> recent(long urlId, Instant since, int limit, String region) {
    return jdbc.sql(
            """
            SELECT slot, started_at, success, status_code, failure_kind, message, latency_ms, region
            FROM checks
            WHERE url_id = :url AND slot > :since
              AND (CAST(:region AS text) IS NULL OR region = :region)
            ORDER BY slot DESC, region
            LIMIT :limit
            """)
        .param("url", urlId)
        .param("since", Timestamp.from(since))
        .param("region", region)
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

  private static StatsRow row(ResultSet rs, int n) throws SQLException {
    return new StatsRow(
        rs.getBoolean("total"),
        rs.getLong("rows"),
        rs.getString("region"),
        rs.getInt("quorum"),
        rs.getLong("slots"),
        rs.getLong("down"),
        rs.getLong("checks"),
        rs.getLong("failures"),
        rs.getObject("p50", Double.class),
        rs.getObject("p95", Double.class));
  }

  // A heartbeat's pings come from no region (""): it has no per-region figures.
  private static List<RegionStats> regionsOf(List<StatsRow> rows) {
    return rows.stream()
        .filter(row -> !row.total() && row.region() != null && !row.region().isEmpty())
        .sorted(Comparator.comparing(StatsRow::region))
        .map(StatsRow::toRegion)
        .toList();
  }

  /** One row of the stats statement: the URL's slots, or one region's checks. */
  private record StatsRow(
      boolean total,
      long rows,
      String region,
      int quorum,
      long slots,
      long down,
      long checks,
      long failures,
      Double p50,
      Double p95) {

    UrlStats toStats(
        long urlId, Instant from, Instant to, String filter, List<RegionStats> regions) {
      return new UrlStats(
          urlId,
          from,
          to,
          slots,
          slots - down,
          down,
          Totals.percent(slots - down, slots),
          p50,
          p95,
          filter,
          quorum,
          regions);
    }

    RegionStats toRegion() {
      return new RegionStats(
          region, checks, failures, Totals.percent(checks - failures, checks), p50, p95);
    }
  }
}

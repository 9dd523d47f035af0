package io.upwatch.api.history;

import io.upwatch.common.region.DeploymentRegions;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Day-by-day figures of many URLs at once: closed days from the daily rollups the local worker
 * keeps (400 days), the days after the last rolled-up one (today, and yesterday until the first
 * pass after midnight) live from the raw checks. Two statements whatever the number of URLs.
 */
@Repository
public class DailyHistory {

  /** The longest history kept: the local worker's rollup retention. */
  public static final int MAX_DAYS = 400;

  private static final String DAYS =
      """
      SELECT url_id, day, checks, failures, responses, latency_p50_ms, latency_p95_ms
      FROM daily_rollups
      WHERE url_id = ANY(:ids) AND day >= :first AND day <= :closedThrough
      UNION ALL
      SELECT url_id, day, checks, failures, responses, latency_p50_ms, latency_p95_ms
      FROM upwatch_check_days(:liveFrom, :until, CAST(:deployment AS text[]))
      WHERE url_id = ANY(:ids)
      ORDER BY url_id, day
      """;

  private static final String REGION_DAYS =
      """
      SELECT url_id, day, region, checks, failures, responses, latency_p50_ms, latency_p95_ms
      FROM daily_region_rollups
      WHERE url_id = :id AND day >= :first AND day <= :closedThrough
      UNION ALL
      SELECT url_id, day, region, checks, failures, responses, latency_p50_ms, latency_p95_ms
      FROM upwatch_check_region_days(:liveFrom, :until)
      WHERE url_id = :id
      ORDER BY day
      """;

  private final JdbcClient jdbc;
  private final String[] deployment;

  DailyHistory(JdbcClient jdbc, DeploymentRegions deployment) {
    this.jdbc = jdbc;
    this.deployment = deployment.regions().toArray(String[]::new);
  }

  /**
   * The figures of each URL from {@code first} to the day of {@code now}, oldest first. Days
   * without checks are left out; URLs without any have an empty list.
   */
  public Map<Long, List<DayFigures>> days(Collection<Long> urlIds, LocalDate first, Instant now) {
    Map<Long, List<DayFigures>> byUrl = new LinkedHashMap<>();
    urlIds.forEach(id -> byUrl.put(id, new ArrayList<>()));
    if (urlIds.isEmpty()) {
      return byUrl;
    }
    Span span = span(first);
    jdbc.sql(DAYS)
        .param("ids", urlIds.toArray(Long[]::new))
        .param("first", Date.valueOf(first))
        .param("closedThrough", span.closedThrough())
        .param("liveFrom", span.liveFrom())
        .param("until", Timestamp.from(now))
        .param("deployment", deployment)
        .query(DailyHistory::figures)
        .list()
        .forEach(day -> byUrl.get(day.urlId()).add(day));
    return byUrl;
  }

  /** The totals of one URL's days from {@code first} to now. */
  public Totals totals(long urlId, LocalDate first, Instant now) {
    return Totals.of(days(List.of(urlId), first, now).get(urlId));
  }

  /**
   * The totals of each region's checks of one URL from {@code first} to now, by region name (none
   * for checks of no region, a heartbeat's pings).
   */
  public Map<String, Totals> regionTotals(long urlId, LocalDate first, Instant now) {
    Span span = span(first);
    Map<String, List<DayFigures>> byRegion = new TreeMap<>();
    jdbc.sql(REGION_DAYS)
        .param("id", urlId)
        .param("first", Date.valueOf(first))
        .param("closedThrough", span.closedThrough())
        .param("liveFrom", span.liveFrom())
        .param("until", Timestamp.from(now))
        .query(
            rs -> {
              String region = rs.getString("region");
              if (!region.isEmpty()) {
                byRegion.computeIfAbsent(region, r -> new ArrayList<>()).add(figures(rs, 0));
              }
            });
    Map<String, Totals> totals = new TreeMap<>();
    byRegion.forEach((region, days) -> totals.put(region, Totals.of(days)));
    return totals;
  }

  // Closed days come from the rollups up to the last complete one; later days live.
  private Span span(LocalDate first) {
    LocalDate closedThrough = closedThrough();
    LocalDate liveFrom = closedThrough == null ? first : closedThrough.plusDays(1);
    if (liveFrom.isBefore(first)) {
      liveFrom = first;
    }
    return new Span(
        Date.valueOf(closedThrough == null ? LocalDate.EPOCH : closedThrough),
        Timestamp.from(liveFrom.atStartOfDay(ZoneOffset.UTC).toInstant()));
  }

  private record Span(Date closedThrough, Timestamp liveFrom) {}

  private LocalDate closedThrough() {
    return jdbc.sql("SELECT closed_through FROM daily_rollup_progress")
        .query(Date.class)
        .optional()
        .map(Date::toLocalDate)
        .orElse(null);
  }

  private static DayFigures figures(ResultSet rs, int row) throws SQLException {
    return new DayFigures(
        rs.getLong("url_id"),
        rs.getObject("day", LocalDate.class),
        rs.getLong("checks"),
        rs.getLong("failures"),
        rs.getLong("responses"),
        rs.getObject("latency_p50_ms", Double.class),
        rs.getObject("latency_p95_ms", Double.class));
  }
}

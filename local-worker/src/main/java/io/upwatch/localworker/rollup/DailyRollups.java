package io.upwatch.localworker.rollup;

import io.upwatch.common.region.DeploymentRegions;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rolls the raw checks of closed UTC days up into {@code daily_rollups} (slots: a slot is down when
 * the URL's quorum of regions failed it) and {@code daily_region_rollups} (each region's checks),
 * one set-based statement per day and table for every URL at once, and purges rollups past their
 * retention or of deleted URLs.
 *
 * <p>Each pass computes every closed day not yet rolled up (after an outage, all of them that are
 * still in the raw partitions) and recomputes the last {@value #RECOMPUTED_DAYS} closed days, so
 * that late results (a backlog, a reclaimed task) are counted. An upsert makes passes idempotent.
 */
@Component
public class DailyRollups {

  /** Closed days recomputed by every pass, for late results. */
  static final int RECOMPUTED_DAYS = 2;

  private static final Logger log = LoggerFactory.getLogger(DailyRollups.class);

  private static final String ROLL_UP_DAY =
      """
      INSERT INTO daily_rollups (url_id, day, checks, failures, responses,
                                 latency_p50_ms, latency_p95_ms)
      SELECT f.url_id, f.day, f.checks, f.failures, f.responses, f.latency_p50_ms, f.latency_p95_ms
      FROM upwatch_check_days(:since, :until, :regions) f
      WHERE EXISTS (SELECT 1 FROM urls u WHERE u.id = f.url_id)
      ON CONFLICT (url_id, day) DO UPDATE
          SET checks = EXCLUDED.checks,
              failures = EXCLUDED.failures,
              responses = EXCLUDED.responses,
              latency_p50_ms = EXCLUDED.latency_p50_ms,
              latency_p95_ms = EXCLUDED.latency_p95_ms,
              computed_at = now()
      """;

  private static final String ROLL_UP_REGIONS =
      """
      INSERT INTO daily_region_rollups (url_id, day, region, checks, failures, responses,
                                        latency_p50_ms, latency_p95_ms)
      SELECT f.url_id, f.day, f.region, f.checks, f.failures, f.responses, f.latency_p50_ms,
             f.latency_p95_ms
      FROM upwatch_check_region_days(:since, :until) f
      WHERE EXISTS (SELECT 1 FROM urls u WHERE u.id = f.url_id)
      ON CONFLICT (url_id, day, region) DO UPDATE
          SET checks = EXCLUDED.checks,
              failures = EXCLUDED.failures,
              responses = EXCLUDED.responses,
              latency_p50_ms = EXCLUDED.latency_p50_ms,
              latency_p95_ms = EXCLUDED.latency_p95_ms,
              computed_at = now()
      """;

  private static final String MARK_CLOSED =
      """
      INSERT INTO daily_rollup_progress (closed_through) VALUES (:day)
      ON CONFLICT (singleton) DO UPDATE
          SET closed_through = greatest(daily_rollup_progress.closed_through, EXCLUDED.closed_through)
      """;

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final String[] regions;

  DailyRollups(
      JdbcClient jdbc, TransactionTemplate transaction, Clock clock, DeploymentRegions regions) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.clock = clock;
    this.regions = regions.regions().toArray(String[]::new);
  }

  /**
   * Rolls up the closed days that need it, then purges old rollups.
   *
   * @param checksRetention how long raw checks are kept: older days cannot be computed any more
   * @param rollupRetention how long rollups are kept
   * @return the number of days rolled up
   */
  public int run(Duration checksRetention, Duration rollupRetention) {
    Instant now = clock.instant();
    LocalDate yesterday = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1);
    LocalDate oldestRaw = LocalDate.ofInstant(now.minus(checksRetention), ZoneOffset.UTC);
    LocalDate first = yesterday.minusDays(RECOMPUTED_DAYS - 1L);
    LocalDate closedThrough = closedThrough();
    if (closedThrough == null || closedThrough.isBefore(first)) {
      first = closedThrough == null ? oldestRaw : closedThrough.plusDays(1);
    }
    if (first.isBefore(oldestRaw)) {
      first = oldestRaw;
    }
    int days = 0;
    for (LocalDate day = first; !day.isAfter(yesterday); day = day.plusDays(1)) {
      rollUp(day);
      days++;
    }
    purge(LocalDate.ofInstant(now.minus(rollupRetention), ZoneOffset.UTC));
    return days;
  }

  /** The last day whose rollups are complete, or null before the first pass. */
  LocalDate closedThrough() {
    return jdbc.sql("SELECT closed_through FROM daily_rollup_progress")
        .query(Date.class)
        .optional()
        .map(Date::toLocalDate)
        .orElse(null);
  }

  private void rollUp(LocalDate day) {
    long started = System.nanoTime();
    Integer rows =
        transaction.execute(
            status -> {
              int stored =
                  jdbc.sql(ROLL_UP_DAY)
                      .param("since", startOf(day))
                      .param("until", startOf(day.plusDays(1)))
                      .param("regions", regions)
                      .update();
              jdbc.sql(ROLL_UP_REGIONS)
                  .param("since", startOf(day))
                  .param("until", startOf(day.plusDays(1)))
                  .update();
              jdbc.sql(MARK_CLOSED).param("day", Date.valueOf(day)).update();
              return stored;
            });
    log.info(
        "Rolled up {}: {} URLs in {} ms", day, rows, (System.nanoTime() - started) / 1_000_000);
  }

  private void purge(LocalDate keepFrom) {
    int old = 0;
    int orphaned = 0;
    for (String table : List.of("daily_rollups", "daily_region_rollups")) {
      old +=
          jdbc.sql("DELETE FROM " + table + " WHERE day < ?")
              .param(Date.valueOf(keepFrom))
              .update();
      orphaned +=
          jdbc.sql(
                  "DELETE FROM "
                      + table
                      + " r WHERE NOT EXISTS (SELECT 1 FROM urls u WHERE u.id = r.url_id)")
              .update();
    }
    if (old + orphaned > 0) {
      log.info("Purged {} daily rollups before {} and {} of deleted URLs", old, keepFrom, orphaned);
    }
  }

  private static Timestamp startOf(LocalDate day) {
    return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
  }
}

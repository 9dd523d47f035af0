package io.upwatch.localworker.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import io.upwatch.common.region.DeploymentRegions;
import io.upwatch.localworker.support.Fixtures;
import io.upwatch.localworker.support.WorkerIntegrationTest;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@WorkerIntegrationTest
class DailyRollupsIntegrationTests {

  static final Duration RAW = Duration.ofDays(7);
  static final Duration KEPT = Duration.ofDays(400);

  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;

  final Instant now = Instant.now();
  final LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
  DailyRollups rollups;
  long shop;
  long blog;

  @BeforeEach
  void seed() {
    fixtures.reset();
    jdbc.sql("TRUNCATE daily_rollups, daily_region_rollups, daily_rollup_progress").update();
    for (int back = 0; back <= 5; back++) {
      partition(today.minusDays(back));
    }
    rollups =
        new DailyRollups(
            jdbc,
            transaction,
            Clock.fixed(now, ZoneOffset.UTC),
            new DeploymentRegions(List.of(DeploymentRegions.DEFAULT)));
    shop = fixtures.url("shop", 3, 60, now);
    blog = fixtures.url("blog", 3, 60, now);
  }

  @Test
  void closedDaysAreRolledUpPerUrlWithUptimeAndLatencyPercentiles() {
    LocalDate day = today.minusDays(2);
    // 10 checks: 8 answered 200 with latencies 10..80 ms, one 503 at 500 ms, one timeout.
    for (int i = 1; i <= 8; i++) {
      check(shop, day, i, 200, i * 10);
    }
    check(shop, day, 9, 503, 500);
    check(shop, day, 10, null, 5000);
    check(blog, day, 1, 200, 40);
    check(blog, today.minusDays(1), 1, 200, 30);
    check(shop, today, 1, 503, 30);

    int days = rollups.run(RAW, KEPT);

    assertThat(days).isEqualTo(7);
    var shopDay = rollup(shop, day);
    assertThat(shopDay)
        .containsEntry("checks", 10)
        .containsEntry("failures", 2)
        .containsEntry("responses", 9)
        .containsEntry("uptime_percent", 80.0)
        .containsEntry("latency_p50_ms", 50.0);
    // percentile_cont over 10,20,...,80,500 at 0.95: 80 + 0.6 * (500 - 80)
    assertThat((Double) shopDay.get("latency_p95_ms")).isCloseTo(332.0, within());
    assertThat(rollup(blog, day)).containsEntry("checks", 1).containsEntry("uptime_percent", 100.0);
    assertThat(rollup(blog, today.minusDays(1))).containsEntry("checks", 1);
    assertThat(count("SELECT count(*) FROM daily_rollups WHERE day = ?", today))
        .as("today is read live, never rolled up")
        .isZero();
    assertThat(rollups.closedThrough()).isEqualTo(today.minusDays(1));
  }

  @Test
  void aSlotOfAUrlCheckedFromSeveralRegionsIsDownOnlyWhenItsQuorumFailedIt() {
    fixtures.checkedFrom(shop, List.of("eu", "us", "ap"), 2);
    LocalDate day = today.minusDays(1);
    // Minute 1: all three up. Minute 2: eu alone down. Minute 3: eu and us down (the quorum).
    for (String region : List.of("eu", "us", "ap")) {
      check(shop, day, 1, 200, 10, region);
      check(shop, day, 2, region.equals("eu") ? 503 : 200, 20, region);
      check(shop, day, 3, region.equals("ap") ? 200 : 503, 30, region);
    }

    rollups.run(RAW, KEPT);

    assertThat(rollup(shop, day))
        .containsEntry("checks", 3)
        .containsEntry("failures", 1)
        .containsEntry("responses", 9)
        .containsEntry("uptime_percent", 66.667)
        .containsEntry("latency_p50_ms", 20.0);
    assertThat(
            jdbc.sql(
                    "SELECT region || ' ' || checks || ' ' || failures || ' ' || responses"
                        + " FROM daily_region_rollups WHERE url_id = ? AND day = ? ORDER BY region")
                .params(shop, Date.valueOf(day))
                .query(String.class)
                .list())
        .containsExactly("ap 3 0 3", "eu 3 2 3", "us 3 1 3");
  }

  @Test
  void aLateCheckForYesterdayIsCountedByTheNextPassAndPassesAreIdempotent() {
    LocalDate yesterday = today.minusDays(1);
    check(shop, yesterday, 1, 200, 20);
    check(shop, yesterday, 2, 200, 20);
    rollups.run(RAW, KEPT);
    assertThat(rollup(shop, yesterday)).containsEntry("checks", 2).containsEntry("failures", 0);

    check(shop, yesterday, 3, 502, 20);
    rollups.run(RAW, KEPT);
    rollups.run(RAW, KEPT);

    assertThat(rollup(shop, yesterday))
        .containsEntry("checks", 3)
        .containsEntry("failures", 1)
        .containsEntry("uptime_percent", 66.667);
    assertThat(count("SELECT count(*) FROM daily_rollups")).isEqualTo(1);
  }

  @Test
  void aPassAfterAnOutageRollsUpEveryDayMissedThatIsStillInTheRawChecks() {
    jdbc.sql("INSERT INTO daily_rollup_progress (closed_through) VALUES (?)")
        .param(Date.valueOf(today.minusDays(5)))
        .update();
    for (int back = 1; back <= 4; back++) {
      check(shop, today.minusDays(back), 1, 200, 10);
    }

    assertThat(rollups.run(RAW, KEPT)).isEqualTo(4);
    assertThat(count("SELECT count(*) FROM daily_rollups WHERE url_id = ?", shop)).isEqualTo(4);
  }

  @Test
  void rollupsPastRetentionAndOfDeletedUrlsArePurgedAndChecksOfDeletedUrlsAreNotRolledUp() {
    storedRollup(shop, today.minusDays(401));
    storedRollup(shop, today.minusDays(30));
    storedRollup(blog, today.minusDays(30));
    check(blog, today.minusDays(1), 1, 200, 10);
    jdbc.sql("DELETE FROM urls WHERE id = ?").param(blog).update();

    rollups.run(RAW, KEPT);

    assertThat(count("SELECT count(*) FROM daily_rollups WHERE url_id = ?", blog)).isZero();
    assertThat(count("SELECT count(*) FROM daily_region_rollups WHERE url_id = ?", blog)).isZero();
    assertThat(count("SELECT count(*) FROM daily_rollups WHERE url_id = ?", shop)).isEqualTo(1);
  }

  private void check(long url, LocalDate day, int minute, Integer status, int latencyMs) {
    check(url, day, minute, status, latencyMs, DeploymentRegions.DEFAULT);
  }

  private void check(
      long url, LocalDate day, int minute, Integer status, int latencyMs, String region) {
    Instant slot = day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(60L * minute);
    jdbc.sql(
            """
            INSERT INTO checks (url_id, slot, region, started_at, latency_ms, status_code,
                                failure_kind, success)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            url,
            Timestamp.from(slot),
            region,
            Timestamp.from(slot),
            latencyMs,
            status,
            status == null ? "TIMEOUT" : null,
            status != null && status < 500)
        .update();
  }

  private void storedRollup(long url, LocalDate day) {
    jdbc.sql(
            "INSERT INTO daily_rollups (url_id, day, checks, failures, responses) VALUES (?, ?, 1, 0, 1)")
        .params(url, Date.valueOf(day))
        .update();
  }

  private Map<String, Object> rollup(long url, LocalDate day) {
    return jdbc.sql(
            """
            SELECT checks, failures, responses, uptime_percent, latency_p50_ms, latency_p95_ms
            FROM daily_rollups WHERE url_id = ? AND day = ?
            """)
        .params(url, Date.valueOf(day))
        .query()
        .singleRow();
  }

  private long count(String sql, Object... params) {
    Object[] converted = new Object[params.length];
    for (int i = 0; i < params.length; i++) {
      converted[i] = params[i] instanceof LocalDate day ? Date.valueOf(day) : params[i];
    }
    return fixtures.count(sql, converted);
  }

  private void partition(LocalDate day) {
    jdbc.sql(
            "CREATE TABLE IF NOT EXISTS checks_%s PARTITION OF checks FOR VALUES FROM ('%s 00:00+00') TO ('%s 00:00+00')"
                .formatted(day.toString().replace("-", ""), day, day.plusDays(1)))
        .update();
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(0.001);
  }
}

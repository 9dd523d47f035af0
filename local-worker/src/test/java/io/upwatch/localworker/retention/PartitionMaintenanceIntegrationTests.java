package io.upwatch.localworker.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.upwatch.localworker.support.Fixtures;
import io.upwatch.localworker.support.WorkerIntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@WorkerIntegrationTest
class PartitionMaintenanceIntegrationTests {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

  @Autowired JdbcClient jdbc;
  @Autowired Fixtures fixtures;

  @Test
  void maintenanceCreatesTheComingDaysAndDropsThosePastRetention() {
    jdbc.sql(
            "CREATE TABLE IF NOT EXISTS checks_20200101 PARTITION OF checks"
                + " FOR VALUES FROM ('2020-01-01 00:00+00') TO ('2020-01-02 00:00+00')")
        .update();

    PartitionMaintenance.maintain(jdbc, Duration.ofDays(7));

    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    assertThat(exists("checks_20200101")).isFalse();
    for (int i = 0; i <= PartitionMaintenance.DAYS_AHEAD; i++) {
      assertThat(exists("checks_" + today.plusDays(i).format(DAY))).isTrue();
    }
  }

  @Test
  void noPartitionIsDroppedWhileTheRollupsFailButTheComingDaysAreStillCreated() {
    jdbc.sql(
            "CREATE TABLE IF NOT EXISTS checks_20200101 PARTITION OF checks"
                + " FOR VALUES FROM ('2020-01-01 00:00+00') TO ('2020-01-02 00:00+00')")
        .update();
    jdbc.sql("DROP TABLE IF EXISTS checks_" + LocalDate.now(ZoneOffset.UTC).plusDays(3).format(DAY))
        .update();

    assertThatThrownBy(
            () ->
                PartitionMaintenance.rollUpThenMaintain(
                    jdbc,
                    Duration.ofDays(7),
                    () -> {
                      throw new IllegalStateException("rollups failed");
                    }))
        .hasMessage("rollups failed");

    assertThat(exists("checks_20200101")).isTrue();
    assertThat(exists("checks_" + LocalDate.now(ZoneOffset.UTC).plusDays(3).format(DAY))).isTrue();

    PartitionMaintenance.rollUpThenMaintain(jdbc, Duration.ofDays(7), () -> {});

    assertThat(exists("checks_20200101")).isFalse();
  }

  @Test
  void breachesThatEndedBeforeTheRetentionOrOfDeletedUrlsArePurgedAndOthersKept() {
    fixtures.reset();
    long url = fixtures.url("kept", 0, 60, Instant.now().plusSeconds(3600));
    Instant now = Instant.now();
    breach(url, "eu", now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(8)));
    breach(url, "eu", now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)));
    breach(url, "us", now.minus(Duration.ofDays(9)), null);
    breach(url + 1000, "eu", now.minus(Duration.ofHours(1)), null);

    PartitionMaintenance.maintain(jdbc, Duration.ofDays(7));

    assertThat(
            jdbc.sql("SELECT url_id || ' ' || region FROM region_breaches ORDER BY region")
                .query(String.class)
                .list())
        .containsExactly(url + " eu", url + " us");
  }

  private void breach(long url, String region, Instant trigger, Instant resolved) {
    jdbc.sql(
            "INSERT INTO region_breaches (url_id, region, trigger_slot, failure_count,"
                + " resolved_slot) VALUES (?, ?, ?, 1, ?)")
        .params(
            url,
            region,
            Timestamp.from(trigger),
            resolved == null ? null : Timestamp.from(resolved))
        .update();
  }

  private boolean exists(String table) {
    return jdbc.sql("SELECT to_regclass(?) IS NOT NULL").param(table).query(Boolean.class).single();
  }
}

package io.upwatch.localworker.retention;

import io.upwatch.common.loop.WorkerLoop;
import io.upwatch.localworker.config.WorkerProperties;
import io.upwatch.localworker.rollup.DailyRollups;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps the daily partitions of checks: rolls closed days up ({@link DailyRollups}), then creates
 * the next days' partitions ahead of time and drops those past retention (and the regions' breaches
 * that ended before), at start and then every maintenance interval. One worker at a time does it
 * ({@link MaintenanceLock}); the database function also serialises on an advisory lock, in case
 * Redis is away.
 */
@Configuration(proxyBeanMethods = false)
class PartitionMaintenance {

  private static final Logger log = LoggerFactory.getLogger(PartitionMaintenance.class);
  static final int DAYS_AHEAD = 3;
  private static final Duration KEEP_ALL = Duration.ofDays(365L * 100);

  @Bean
  WorkerLoop partitionMaintenanceLoop(
      JdbcClient jdbc, WorkerProperties properties, MaintenanceLock lock, DailyRollups rollups) {
    return new WorkerLoop(
        "partition-maintenance",
        () -> {
          lock.runExclusively(
              "partition-maintenance",
              () ->
                  rollUpThenMaintain(
                      jdbc,
                      properties.checksRetention(),
                      () ->
                          rollups.run(properties.checksRetention(), properties.rollupRetention())));
          return false;
        },
        properties.maintenanceInterval(),
        Duration.ofMinutes(1),
        0,
        properties.autostart());
  }

  /**
   * A day's partition is dropped only after the day has been rolled up. When the rollups fail, the
   * coming days' partitions are still created (ingestion needs them) but none is dropped.
   */
  static void rollUpThenMaintain(JdbcClient jdbc, Duration retention, Runnable rollUp) {
    try {
      rollUp.run();
    } catch (RuntimeException e) {
      maintain(jdbc, KEEP_ALL);
      throw e;
    }
    maintain(jdbc, retention);
  }

  static void maintain(JdbcClient jdbc, Duration retention) {
    Integer dropped =
        jdbc.sql("SELECT upwatch_maintain_check_partitions(make_interval(secs => ?), ?)")
            .params(retention.toSeconds(), DAYS_AHEAD)
            .query(Integer.class)
            .single();
    if (dropped != null && dropped > 0) {
      log.info("Dropped {} partitions of checks older than {}", dropped, retention);
    }
    // A region's breach matters to the alert rule only while its end lies within a window (at most
    // a day) of stored checks; those of deleted URLs not at all.
    int breaches =
        jdbc.sql(
                """
                DELETE FROM region_breaches b
                WHERE b.resolved_slot < now() - make_interval(secs => ?)
                   OR NOT EXISTS (SELECT 1 FROM urls u WHERE u.id = b.url_id)
                """)
            .param(retention.toSeconds())
            .update();
    if (breaches > 0) {
      log.info(
          "Purged {} region breaches that ended before {} ago or of deleted URLs",
          breaches,
          retention);
    }
  }
}

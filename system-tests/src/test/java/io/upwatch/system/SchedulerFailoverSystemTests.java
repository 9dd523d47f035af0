package io.upwatch.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.upwatch.testing.LocalPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two local workers handing out time, as separate processes; each in turn is killed with SIGKILL
 * while the other runs: no URL loses a slot across the kills, and a task id is published twice only
 * where a kill fell between a pass's publish and its commit.
 */
class SchedulerFailoverSystemTests {

  private static final String DATABASE =
      TestStores.database("failover_system", "upwatch_failover_system_test");
  private static final int REDIS_DB = TestStores.redisDatabase(9);
  private static final int INTERVAL = 10;
  private static final int URLS = 30;

  private String jdbcUrl;

  @Test
  void killedLocalWorkersLoseNoSlotAndPublishNoneTwice() throws Exception {
    jdbcUrl = LocalPostgres.recreateDatabase(DATABASE);
    var redisClient = RedisClient.create("redis://127.0.0.1:6379/" + REDIS_DB);
    List<RoleProcess> roles = new ArrayList<>();
    try (var redis = redisClient.connect();
        var targets = new TargetServer()) {
      redis.sync().flushdb();
      Map<String, String> env = RoleProcess.environment(jdbcUrl, REDIS_DB);
      // Results a killed worker held are taken over soon, so the checks table is complete.
      env.put("UPWATCH_WORKER_RECLAIM_IDLE", "5s");
      env.put("MAX_URL_COUNT", "100");
      RoleProcess api = RoleProcess.start("api-server", "failover-api", env);
      RoleProcess first = RoleProcess.start("local-worker", "failover-local-worker-a", env);
      roles.addAll(
          List.of(
              api,
              first,
              RoleProcess.start("monitoring-worker", "failover-monitoring-worker", env)));
      for (RoleProcess role : roles) {
        role.awaitReady(Duration.ofSeconds(180));
      }
      RoleProcess second = RoleProcess.start("local-worker", "failover-local-worker-b", env);
      roles.add(second);
      second.awaitReady(Duration.ofSeconds(180));
      List<Long> urls = new ArrayList<>();
      try (var user = new UpwatchApi(api)) {
        user.signUpAndLogIn("failover", "failover-password");
        for (int i = 0; i < URLS; i++) {
          urls.add(user.registerUrl("u" + i, targets.url("/status/u" + i), 3, INTERVAL));
        }
      }
      Instant from = Instant.now().plusSeconds(2);

      Thread.sleep(Duration.ofSeconds(INTERVAL + 3));
      first.kill();
      Thread.sleep(Duration.ofSeconds(INTERVAL + 3));
      RoleProcess third = RoleProcess.start("local-worker", "failover-local-worker-c", env);
      roles.add(third);
      third.awaitReady(Duration.ofSeconds(180));
      second.kill();
      Thread.sleep(Duration.ofSeconds(2L * INTERVAL));
      // Checks of the last slots may still run or wait for ingestion.
      Instant until = Instant.now().minusSeconds(5);
      Thread.sleep(Duration.ofSeconds(5));

      for (long url : urls) {
        List<Instant> slots = slots(url, from, until);
        assertThat(slots.size())
            .as("url %d: every slot from %s to %s", url, from, until)
            .isGreaterThanOrEqualTo((int) (Duration.between(from, until).toSeconds() / INTERVAL));
        for (int i = 1; i < slots.size(); i++) {
          assertThat(Duration.between(slots.get(i - 1), slots.get(i)))
              .as("url %d: no slot lost between %s and %s", url, slots.get(i - 1), slots.get(i))
              .isEqualTo(Duration.ofSeconds(INTERVAL));
        }
      }
      Map<String, Long> published =
          redis.sync().xrange("upwatch:tasks", Range.create("-", "+")).stream()
              .collect(Collectors.groupingBy(m -> m.getBody().get("id"), Collectors.counting()));
      // A worker killed after publishing and before its commit leaves its range to the next pass,
      // which publishes the same task ids again (stored once): at most a pass's worth, about a
      // bucket of slots, per kill.
      assertThat(published.values()).as("published at most twice").allMatch(n -> n <= 2);
      assertThat(published.values().stream().filter(n -> n > 1).count())
          .as("task ids published twice")
          .isLessThanOrEqualTo(2);
    } finally {
      for (RoleProcess role : roles) {
        role.close();
      }
      redisClient.shutdown();
    }
  }

  private List<Instant> slots(long url, Instant from, Instant until) throws Exception {
    try (Connection db =
            DriverManager.getConnection(jdbcUrl, LocalPostgres.ROLE, LocalPostgres.PASSWORD);
        var statement =
            db.prepareStatement(
                "SELECT slot FROM checks WHERE url_id = ? AND slot >= ? AND slot < ?"
                    + " ORDER BY slot")) {
      statement.setLong(1, url);
      statement.setTimestamp(2, Timestamp.from(from));
      statement.setTimestamp(3, Timestamp.from(until));
      List<Instant> slots = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          slots.add(rs.getTimestamp(1).toInstant());
        }
      }
      return slots;
    }
  }
}

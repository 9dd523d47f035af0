package io.upwatch.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.upwatch.testing.LocalPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * API writes racing the scheduler, with the roles as separate processes: a URL at the minimum
 * interval is re-thresholded, paused and resumed over and over across its slot times, while the
 * scheduler hands out the time around them, and its target must still see one GET per slot, one
 * interval apart.
 */
class RescheduleSystemTests {

  private static final String DATABASE =
      TestStores.database("cursor_system", "upwatch_cursor_system_test");
  private static final int REDIS_DB = TestStores.redisDatabase(9);
  private static final int INTERVAL = 10;
  private static final Duration CHURN = Duration.ofSeconds(50);

  private String jdbcUrl;

  @Test
  void apiWritesAcrossSlotTimesNeverMakeTheTargetSeeASlotTwice() throws Exception {
    jdbcUrl = LocalPostgres.recreateDatabase(DATABASE);
    var redisClient = RedisClient.create("redis://127.0.0.1:6379/" + REDIS_DB);
    List<RoleProcess> roles = new ArrayList<>();
    try (var redis = redisClient.connect();
        var targets = new TargetServer()) {
      redis.sync().flushdb();
      Map<String, String> env = RoleProcess.environment(jdbcUrl, REDIS_DB);
      RoleProcess api = RoleProcess.start("api-server", "cursor-api", env);
      roles.add(api);
      roles.add(RoleProcess.start("local-worker", "cursor-local-worker", env));
      roles.add(RoleProcess.start("monitoring-worker", "cursor-monitoring-worker", env));
      for (RoleProcess role : roles) {
        role.awaitReady(Duration.ofSeconds(180));
      }
      try (var user = new UpwatchApi(api)) {
        user.signUpAndLogIn("cursor", "cursor-password");
        long url = user.registerUrl("racy", targets.url("/status/racy"), 3, INTERVAL);

        writeAcrossSlotTimes(user, url);
        user.pause(url);

        // The last checks may still be in flight or waiting for ingestion.
        await()
            .atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(500))
            .untilAsserted(
                () ->
                    assertThat(targets.hits("racy"))
                        .as("GETs at the target, against distinct slots checked")
                        .isEqualTo(slots(url).size()));
        List<Instant> slots = slots(url);
        assertThat(slots).hasSizeGreaterThanOrEqualTo(3);
        for (int i = 1; i < slots.size(); i++) {
          assertThat(Duration.between(slots.get(i - 1), slots.get(i)))
              .as("slot %s follows %s", slots.get(i), slots.get(i - 1))
              .isGreaterThanOrEqualTo(Duration.ofSeconds(INTERVAL));
        }
        var published =
            redis.sync().xrange("upwatch:tasks", Range.create("-", "+")).stream()
                .collect(Collectors.groupingBy(m -> m.getBody().get("id"), Collectors.counting()));
        assertThat(published.values()).as("every task id published once").containsOnly(1L);
      }
    } finally {
      for (RoleProcess role : roles) {
        role.close();
      }
      redisClient.shutdown();
    }
  }

  // Back-to-back writes from just before each slot time until after its claim, so that writes
  // which loaded the row before the claim save it after.
  private void writeAcrossSlotTimes(UpwatchApi user, long url) throws Exception {
    Instant end = Instant.now().plus(CHURN);
    int writes = 0;
    while (Instant.now().isBefore(end)) {
      Instant slot = nextSlot(url);
      Duration untilSlot = Duration.between(Instant.now(), slot.minusMillis(100));
      if (untilSlot.isPositive()) {
        Thread.sleep(untilSlot);
      }
      Instant burstEnd = slot.plusMillis(500);
      while (Instant.now().isBefore(burstEnd)) {
        if (++writes % 5 == 0) {
          user.pause(url);
          user.resume(url);
        } else {
          user.changeThreshold(url, 3 + writes % 2);
        }
      }
      Thread.sleep(50);
    }
  }

  // The URL's next slot on its grid: the instants whose epoch millisecond is phase_ms modulo the
  // interval.
  private Instant nextSlot(long url) throws Exception {
    try (Connection db = connect();
        var statement =
            db.prepareStatement(
                "SELECT phase_ms, interval_seconds * 1000 FROM urls WHERE id = ?")) {
      statement.setLong(1, url);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        long now = Instant.now().toEpochMilli();
        return Instant.ofEpochMilli(now + Math.floorMod(rs.getLong(1) - now, rs.getLong(2)));
      }
    }
  }

  private List<Instant> slots(long url) throws Exception {
    try (Connection db = connect();
        var statement =
            db.prepareStatement("SELECT slot FROM checks WHERE url_id = ? ORDER BY slot")) {
      statement.setLong(1, url);
      List<Instant> slots = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          slots.add(rs.getTimestamp(1).toInstant());
        }
      }
      return slots;
    }
  }

  private Connection connect() throws Exception {
    return DriverManager.getConnection(jdbcUrl, LocalPostgres.ROLE, LocalPostgres.PASSWORD);
  }
}

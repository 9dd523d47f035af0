package io.upwatch.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduler with the roles as separate processes: API writes across slot times, and local
 * workers killed while they hand out time. Each test starts an API server, a local worker and a
 * monitoring worker on fresh stores.
 */
class SchedulingSystemTests {

  private static final String DATABASE =
      TestStores.database("scheduling_system", "upwatch_scheduling_system_test");
  private static final int REDIS_DB = TestStores.redisDatabase(9);
  private static final int INTERVAL = 10;
  private static final Duration CHURN = Duration.ofSeconds(50);

  private SystemSuite suite;
  private Map<String, String> env;
  private TargetServer targets;
  private RoleProcess api;
  private RoleProcess localWorker;

  @BeforeEach
  void startTheSuite() throws Exception {
    suite = SystemSuite.onFreshStores(DATABASE, REDIS_DB);
    targets = suite.closeAtEnd(new TargetServer());
    env = suite.environment();
    env.put("MAX_URL_COUNT", "100");
    // Results a killed worker held are taken over soon, so the checks table is complete.
    env.put("UPWATCH_WORKER_RECLAIM_IDLE", "5s");
    api = start("api-server", "scheduling-api");
    localWorker = start("local-worker", "scheduling-local-worker-a");
    start("monitoring-worker", "scheduling-monitoring-worker");
    suite.awaitReady();
  }

  @AfterEach
  void stopTheSuite() throws Exception {
    if (suite != null) {
      suite.close();
    }
  }

  @Test
  void apiWritesAcrossSlotTimesNeverMakeTheTargetSeeASlotTwice() throws Exception {
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
                      .isEqualTo(slots(url, Instant.EPOCH, Instant.now()).size()));
      List<Instant> slots = slots(url, Instant.EPOCH, Instant.now());
      assertThat(slots).hasSizeGreaterThanOrEqualTo(3);
      for (int i = 1; i < slots.size(); i++) {
        assertThat(Duration.between(slots.get(i - 1), slots.get(i)))
            .as("slot %s follows %s", slots.get(i), slots.get(i - 1))
            .isGreaterThanOrEqualTo(Duration.ofSeconds(INTERVAL));
      }
      assertThat(publishedTaskIds().values()).as("every task id published once").containsOnly(1L);
    }
  }

  @Test
  void killedLocalWorkersLoseNoSlot() throws Exception {
    RoleProcess second = start("local-worker", "scheduling-local-worker-b");
    second.awaitReady(Duration.ofSeconds(180));
    List<Long> urls = new ArrayList<>();
    try (var user = new UpwatchApi(api)) {
      user.signUpAndLogIn("failover", "failover-password");
      for (int i = 0; i < 30; i++) {
        urls.add(user.registerUrl("u" + i, targets.url("/status/u" + i), 3, INTERVAL));
      }
    }
    Instant from = Instant.now().plusSeconds(2);

    Thread.sleep(Duration.ofSeconds(INTERVAL + 3));
    localWorker.kill();
    Thread.sleep(Duration.ofSeconds(INTERVAL + 3));
    start("local-worker", "scheduling-local-worker-c").awaitReady(Duration.ofSeconds(180));
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
    // A worker killed after publishing and before its commit leaves its range to the next pass,
    // which publishes the same task ids again (stored once): at most a pass's worth, about a
    // bucket of slots, per kill.
    Map<String, Long> published = publishedTaskIds();
    assertThat(published.values()).as("published at most twice").allMatch(n -> n <= 2);
    assertThat(published.values().stream().filter(n -> n > 1).count())
        .as("task ids published twice")
        .isLessThanOrEqualTo(2);
  }

  // Back-to-back writes from just before each slot time until after it, so that writes land while
  // the scheduler hands out the time around the slot.
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

  private RoleProcess start(String role, String name) throws Exception {
    return suite.start(role, name, env);
  }

  private Map<String, Long> publishedTaskIds() {
    return TaskStreams.tasks(suite.redis(), "default").stream()
        .collect(Collectors.groupingBy(m -> m.get("id"), Collectors.counting()));
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

  private List<Instant> slots(long url, Instant from, Instant until) throws Exception {
    try (Connection db = connect();
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

  private Connection connect() throws Exception {
    return suite.database();
  }
}

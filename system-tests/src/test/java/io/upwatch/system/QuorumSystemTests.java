package io.upwatch.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Issue #15's bar on the packaged roles: three regions ({@code eu}, {@code us}, {@code ap}), each
 * with its own monitoring worker, watch a loopback target that fails only for checks from chosen
 * regions (told apart by the User-Agent each region's worker sends). With the default quorum (2 of
 * 3) one region failing raises nothing, two raise exactly one alert naming both, and one of them
 * recovering resolves it; when the last worker of a region stops, it shows as absent and nothing
 * else happens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuorumSystemTests {

  private static final String DATABASE = TestStores.database("quorum_system", "upwatch_quorum");
  private static final int REDIS_DB = TestStores.redisDatabase(11);
  private static final int INTERVAL = 10;
  private static final int THRESHOLD = 1;

  private final Map<String, RoleProcess> workers = new HashMap<>();
  private SystemSuite suite;
  private TargetServer targets;
  private UpwatchApi user;
  private long url;

  @BeforeAll
  void startThreeRegions() throws Exception {
    suite = SystemSuite.onFreshStores(DATABASE, REDIS_DB);
    targets = suite.closeAtEnd(new TargetServer());
    Map<String, String> env = suite.environment();
    env.put("UPWATCH_REGIONS", "eu,us,ap");
    RoleProcess api = suite.start("api-server", "quorum-api", env);
    suite.start("local-worker", "quorum-local-worker-a", env);
    suite.start("local-worker", "quorum-local-worker-b", env);
    for (String region : List.of("eu", "us", "ap")) {
      Map<String, String> worker = SystemSuite.inRegion(env, region);
      worker.put("UPWATCH_MONITORING_USER_AGENT", "Upwatch-test region/" + region);
      workers.put(region, suite.start("monitoring-worker", "quorum-" + region, worker));
    }
    suite.awaitReady();
    user = new UpwatchApi(api);
    user.signUpAndLogIn("quorum", "quorum-password");
  }

  @AfterAll
  void stopAll() throws Exception {
    if (suite != null) {
      suite.close();
    }
  }

  @Test
  @Order(1)
  void oneRegionFailingAloneRaisesNothingUnderTheDefaultTwoOfThree() throws Exception {
    targets.failFor("shop", "eu");
    url = user.registerUrl("shop", targets.url("/region/shop"), THRESHOLD, INTERVAL);

    // eu is in breach from its second failure on; give it two more slots past that.
    await()
        .atMost(Duration.ofSeconds(6L * INTERVAL + 20))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> failures(url, "eu") >= THRESHOLD + 3);

    assertThat(failures(url, "us")).isZero();
    assertThat(failures(url, "ap")).isZero();
    assertThat(checks(url, "us")).isGreaterThanOrEqualTo(THRESHOLD + 2);
    assertThat(user.alerts(url)).as("eu alone is no quorum").isEmpty();
  }

  @Test
  @Order(2)
  void twoRegionsFailingRaiseExactlyOneAlertNamingBoth() throws Exception {
    targets.failFor("shop", "eu", "us");

    await()
        .atMost(Duration.ofSeconds(4L * INTERVAL + 20))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> user.alerts(url).size() == 1);
    Thread.sleep(Duration.ofSeconds(INTERVAL));

    JsonNode alerts = user.alerts(url);
    assertThat(alerts).hasSize(1);
    JsonNode alert = alerts.get(0);
    assertThat(alert.get("open").asBoolean()).isTrue();
    List<String> regions = new ArrayList<>();
    alert.get("regions").forEach(region -> regions.add(region.asString()));
    assertThat(regions).containsExactly("eu", "us");
    assertThat(alert.get("quorum").asInt()).isEqualTo(2);
  }

  @Test
  @Order(3)
  void oneOfTheTwoRecoveringResolvesIt() throws Exception {
    targets.failFor("shop", "eu");

    await()
        .atMost(Duration.ofSeconds(3L * INTERVAL + 20))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> !user.alerts(url).get(0).get("open").asBoolean());
    Thread.sleep(Duration.ofSeconds(INTERVAL));
    assertThat(user.alerts(url)).as("still exactly one alert").hasSize(1);
  }

  @Test
  @Order(4)
  void aRegionWhoseWorkersAllStopShowsAbsentAndRaisesNothing() throws Exception {
    suite.stop(workers.get("ap"));
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> !region("ap").get("live").asBoolean());
    long apChecks = checks(url, "ap");

    Thread.sleep(Duration.ofSeconds(4L * INTERVAL));

    assertThat(region("ap").get("workers").asInt()).isZero();
    assertThat(checks(url, "ap")).as("no check from a region without workers").isEqualTo(apChecks);
    assertThat(user.alerts(url)).as("no alert storm").hasSize(1);
    assertThat(user.alerts(url).get(0).get("open").asBoolean()).isFalse();
  }

  private JsonNode region(String name) throws Exception {
    for (JsonNode region : user.regions()) {
      if (region.get("name").asString().equals(name)) {
        return region;
      }
    }
    throw new AssertionError("No region " + name + " in " + user.regions());
  }

  private long failures(long urlId, String region) throws Exception {
    return count(
        "SELECT count(*) FROM checks WHERE url_id = ? AND region = ? AND NOT success",
        urlId,
        region);
  }

  private long checks(long urlId, String region) throws Exception {
    return count("SELECT count(*) FROM checks WHERE url_id = ? AND region = ?", urlId, region);
  }

  private long count(String sql, long urlId, String region) throws Exception {
    try (var db = suite.database();
        var statement = db.prepareStatement(sql)) {
      statement.setLong(1, urlId);
      statement.setString(2, region);
      try (var rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}

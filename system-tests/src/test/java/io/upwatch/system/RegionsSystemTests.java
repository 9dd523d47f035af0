package io.upwatch.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * A deployment of three regions ({@code UPWATCH_REGIONS=eu,us,ap}) with monitoring workers in two:
 * each URL is checked once per slot from each region that has a live worker, each worker only ever
 * reads its own region's tasks, and the region without workers gets no tasks at all and shows as
 * absent; when the last worker of a region stops, its tasks stop too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegionsSystemTests {

  private static final String DATABASE = TestStores.database("regions_system", "upwatch_regions");
  private static final int REDIS_DB = TestStores.redisDatabase(8);
  private static final int INTERVAL = 10;

  private SystemSuite suite;
  private TargetServer targets;
  private RoleProcess localWorker;
  private RoleProcess usWorker;
  private UpwatchApi user;
  private long url;

  @BeforeAll
  void startTwoOfThreeRegions() throws Exception {
    suite = SystemSuite.onFreshStores(DATABASE, REDIS_DB);
    targets = suite.closeAtEnd(new TargetServer());
    Map<String, String> env = suite.environment();
    env.put("UPWATCH_REGIONS", "eu,us,ap");
    RoleProcess api = suite.start("api-server", "regions-api", env);
    localWorker = suite.start("local-worker", "regions-local-worker", env);
    suite.start("monitoring-worker", "regions-eu", SystemSuite.inRegion(env, "eu"));
    usWorker = suite.start("monitoring-worker", "regions-us", SystemSuite.inRegion(env, "us"));
    suite.awaitReady();
    user = new UpwatchApi(api);
    user.signUpAndLogIn("regions", "regions-password");
  }

  @AfterAll
  void stopAll() throws Exception {
    if (suite != null) {
      suite.close();
    }
  }

  @Test
  @Order(1)
  void eachLiveRegionChecksEverySlotFromItsOwnTasksAndTheAbsentOneGetsNone() throws Exception {
    url = user.registerUrl("site", targets.url("/status/site"), 5, INTERVAL);

    await()
        .atMost(Duration.ofSeconds(6L * INTERVAL + 20))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> checksByRegion(url).getOrDefault("us", 0L) >= 3);

    Map<String, Long> checks = checksByRegion(url);
    assertThat(checks).containsOnlyKeys("eu", "us");
    assertThat(checks.get("eu")).isBetween(checks.get("us") - 1, checks.get("us") + 1);
    assertThat(TaskStreams.tasks(suite.redis(), "ap"))
        .as("no task for the absent region")
        .isEmpty();
    assertThat(TaskStreams.consumers(suite.redis(), "eu")).isEqualTo(Set.of("mw-eu"));
    assertThat(TaskStreams.consumers(suite.redis(), "us"))
        .as("the eu worker never read a us task")
        .isEqualTo(Set.of("mw-us"));
    assertThat(region("ap").get("live").asBoolean()).isFalse();
    assertThat(region("ap").get("workers").asInt()).isZero();
    assertThat(region("eu").get("workers").asInt()).isEqualTo(1);
    assertThat(region("us").get("live").asBoolean()).isTrue();
    String metrics = get(localWorker.url("/actuator/prometheus"));
    assertThat(metric(metrics, "upwatch_schedule_tasks_skipped_total{region=\"ap\"}"))
        .isGreaterThanOrEqualTo(checks.get("eu"));
    assertThat(metric(metrics, "upwatch_schedule_tasks_skipped_total{region=\"eu\"}")).isZero();
    assertThat(metric(metrics, "upwatch_region_workers{region=\"ap\"}")).isZero();
    assertThat(metric(metrics, "upwatch_region_workers{region=\"us\"}")).isEqualTo(1);
  }

  @Test
  @Order(2)
  void whenTheLastWorkerOfARegionStopsItsTasksStopAndItShowsAsAbsent() throws Exception {
    suite.stop(usWorker);
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> !region("us").get("live").asBoolean());
    int usTasks = TaskStreams.tasks(suite.redis(), "us").size();
    long euChecks = checksByRegion(url).get("eu");

    Thread.sleep(Duration.ofSeconds(3L * INTERVAL));

    assertThat(TaskStreams.tasks(suite.redis(), "us")).hasSize(usTasks);
    assertThat(checksByRegion(url).get("eu")).isGreaterThanOrEqualTo(euChecks + 2);
    assertThat(region("us").get("lastSeenAt").isNull()).isFalse();
  }

  private JsonNode region(String name) throws Exception {
    for (JsonNode region : user.regions()) {
      if (region.get("name").asString().equals(name)) {
        return region;
      }
    }
    throw new AssertionError("No region " + name + " in " + user.regions());
  }

  private Map<String, Long> checksByRegion(long urlId) throws Exception {
    try (var db = suite.database();
        var statement =
            db.prepareStatement(
                "SELECT region, count(*) FROM checks WHERE url_id = ? GROUP BY region")) {
      statement.setLong(1, urlId);
      Map<String, Long> counts = new HashMap<>();
      try (var rs = statement.executeQuery()) {
        while (rs.next()) {
          counts.put(rs.getString(1), rs.getLong(2));
        }
      }
      return counts;
    }
  }

  private static double metric(String scrape, String series) {
    var line =
        Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE)
            .matcher(scrape);
    assertThat(line.find()).as("%s in the scrape", series).isTrue();
    return Double.parseDouble(line.group(1));
  }

  private static String get(String url) throws Exception {
    try (var http = HttpClient.newHttpClient()) {
      return http.send(
              HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
          .body();
    }
  }
}

package io.upwatch.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.upwatch.testing.LocalPostgres;
import io.upwatch.testing.LocalRedisCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The queue runs unchanged on a three-node Redis Cluster of local {@code redis-server
 * --cluster-enabled yes} processes: the API, a local worker and a monitoring worker from their
 * packaged jars, all with {@code SPRING_DATA_REDIS_CLUSTER_NODES}; a URL's checks are stored and
 * its alert opens and resolves, a heartbeat's ping is stored, logins go through the Redisson
 * throttle on the cluster, and the queue's partitions are spread over all three nodes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterSystemTests {

  private static final String DATABASE = TestStores.database("cluster_system", "upwatch_cluster");
  private static final int INTERVAL = 10;
  private static final int SPREAD_URLS = 20;

  private final List<RoleProcess> roles = new ArrayList<>();
  private LocalRedisCluster cluster;
  private TargetServer targets;
  private UpwatchApi user;
  private String jdbcUrl;

  @BeforeAll
  void startTheRolesOnTheCluster() throws Exception {
    assumeTrue(LocalRedisCluster.installed(), LocalRedisCluster::skipReason);
    cluster = LocalRedisCluster.get();
    cluster.flush();
    jdbcUrl = LocalPostgres.recreateDatabase(DATABASE);
    targets = new TargetServer();
    Map<String, String> env = RoleProcess.clusterEnvironment(jdbcUrl, cluster.nodeList());
    env.put("MAX_URL_COUNT", "100");
    RoleProcess api = RoleProcess.start("api-server", "cluster-api", env);
    roles.add(api);
    roles.add(RoleProcess.start("local-worker", "cluster-local-worker", env));
    roles.add(RoleProcess.start("monitoring-worker", "cluster-monitoring-worker", env));
    for (RoleProcess role : roles) {
      role.awaitReady(Duration.ofSeconds(180));
    }
    user = new UpwatchApi(api);
    user.signUpAndLogIn("cluster", "cluster-password");
  }

  @AfterAll
  void stopTheRoles() throws Exception {
    for (RoleProcess role : roles) {
      role.close();
    }
    if (targets != null) {
      targets.close();
    }
  }

  @Test
  void checksAreStoredAndAnAlertOpensAndResolvesWithTheQueueSpreadOverTheNodes() throws Exception {
    for (int i = 0; i < SPREAD_URLS; i++) {
      user.registerUrl("spread" + i, targets.url("/status/spread" + i), 5, INTERVAL);
    }
    targets.answer("flaky", 503);
    long flaky = user.registerUrl("flaky", targets.url("/status/flaky"), 2, INTERVAL);

    await()
        .atMost(Duration.ofSeconds(4L * INTERVAL + 20))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> user.alerts(flaky).size() == 1);
    assertThat(failures(flaky)).as("the alert opened on the third failure").isBetween(3L, 4L);

    targets.answer("flaky", 200);
    await()
        .atMost(Duration.ofSeconds(2L * INTERVAL + 20))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> !user.alerts(flaky).get(0).get("open").asBoolean());
    assertThat(user.alerts(flaky).size()).as("exactly one alert").isEqualTo(1);

    for (String node : cluster.nodes()) {
      assertThat(queueKeysOn(node))
          .as("node %s holds some of the queue's partitions", node)
          .anyMatch(key -> key.endsWith(":results"))
          .anyMatch(key -> key.endsWith(":tasks:default"));
    }
  }

  @Test
  void aHeartbeatPingGoesThroughTheClusterToTheChecks() throws Exception {
    var beat = user.registerHeartbeat("cron", 3600, 60);
    long id = beat.get("id").asLong();
    try (var http = HttpClient.newHttpClient()) {
      var ping =
          HttpRequest.newBuilder(URI.create(beat.get("heartbeat").get("pingUrl").asString()));
      assertThat(http.send(ping.build(), HttpResponse.BodyHandlers.discarding()).statusCode())
          .isEqualTo(200);
    }

    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> user.checks(id).size() == 1);
  }

  private List<String> queueKeysOn(String node) {
    var client = RedisClient.create(RedisURI.create("redis://" + node));
    try (var connection = client.connect()) {
      return connection.sync().keys("upwatch:{*");
    } finally {
      client.shutdown();
    }
  }

  private long failures(long url) throws Exception {
    try (var db = DriverManager.getConnection(jdbcUrl, LocalPostgres.ROLE, LocalPostgres.PASSWORD);
        var statement =
            db.prepareStatement("SELECT count(*) FROM checks WHERE url_id = ? AND NOT success")) {
      statement.setLong(1, url);
      try (var rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}

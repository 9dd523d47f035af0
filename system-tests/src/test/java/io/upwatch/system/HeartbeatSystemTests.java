package io.upwatch.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.upwatch.testing.LocalPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A cron-style heartbeat against the packaged roles: an API server and a local worker (no
 * monitoring worker: nothing is probed). It pings, stops, alerts within period + grace + the settle
 * margin and a pass, and the next ping resolves the alert.
 */
class HeartbeatSystemTests {

  private static final String DATABASE =
      TestStores.database("heartbeat_system", "upwatch_heartbeat_system_test");
  private static final int REDIS_DB = TestStores.redisDatabase(13);
  private static final int PERIOD = 10;
  private static final int GRACE = 5;
  private static final Duration SETTLE = Duration.ofSeconds(2);

  @Test
  void heartbeatThatStopsPingingAlertsAfterPeriodPlusGraceAndTheNextPingResolvesIt()
      throws Exception {
    String jdbcUrl = LocalPostgres.recreateDatabase(DATABASE);
    var redisClient = RedisClient.create("redis://127.0.0.1:6379/" + REDIS_DB);
    List<RoleProcess> roles = new ArrayList<>();
    try (var redis = redisClient.connect();
        var http = HttpClient.newHttpClient()) {
      redis.sync().flushdb();
      Map<String, String> env = RoleProcess.environment(jdbcUrl, REDIS_DB);
      env.put("UPWATCH_WORKER_PING_SETTLE", SETTLE.toMillis() + "ms");
      RoleProcess api = RoleProcess.start("api-server", "heartbeat-api", env);
      roles.add(api);
      roles.add(RoleProcess.start("local-worker", "heartbeat-local-worker", env));
      for (RoleProcess role : roles) {
        role.awaitReady(Duration.ofSeconds(180));
      }
      try (var user = new UpwatchApi(api)) {
        user.signUpAndLogIn("cron", "cron-password");
        JsonNode beat = user.registerHeartbeat("backup", PERIOD, GRACE);
        long id = beat.get("id").asLong();
        String ping = beat.get("heartbeat").get("pingUrl").asString();

        Instant lastPing = Instant.now();
        for (int i = 0; i < 3; i++) {
          lastPing = Instant.now();
          assertThat(get(http, ping)).isEqualTo(200);
          Thread.sleep(2000);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> user.checks(id).size() == 3);

        // Silence: the deadline is the last ping + period + grace; the missed-ping pass judges it
        // half a second later (pings in flight), at its next tick, and ingestion opens the alert.
        Duration bound = Duration.ofSeconds(PERIOD + GRACE).plusSeconds(3);
        await()
            .atMost(bound)
            .pollInterval(Duration.ofMillis(250))
            .until(() -> user.alerts(id).size() == 1);
        Duration detected = Duration.between(lastPing, Instant.now());
        assertThat(detected)
            .as("alerted after period + grace, within the settle margin and a pass")
            .isGreaterThanOrEqualTo(Duration.ofSeconds(PERIOD + GRACE))
            .isLessThan(bound);
        JsonNode newest = user.checks(id).get(0);
        assertThat(newest.get("failureKind").asString()).isEqualTo("NO_PING");

        assertThat(get(http, ping)).isEqualTo(200);
        await()
            .atMost(Duration.ofSeconds(10))
            .pollInterval(Duration.ofMillis(250))
            .until(() -> !user.alerts(id).get(0).get("open").asBoolean());

        // A failure report alerts at once (threshold 0) and carries the job's output.
        var fail =
            HttpRequest.newBuilder(URI.create(ping + "/fail"))
                .POST(HttpRequest.BodyPublishers.ofString("backup.sh: disk full"))
                .build();
        assertThat(http.send(fail, HttpResponse.BodyHandlers.discarding()).statusCode())
            .isEqualTo(200);
        await()
            .atMost(Duration.ofSeconds(10))
            .pollInterval(Duration.ofMillis(250))
            .until(() -> user.alerts(id).size() == 2);
        newest = user.checks(id).get(0);
        assertThat(newest.get("failureKind").asString()).isEqualTo("REPORTED_FAILURE");
        assertThat(newest.get("message").asString()).isEqualTo("backup.sh: disk full");
      }
    } finally {
      for (RoleProcess role : roles) {
        role.close();
      }
      redisClient.shutdown();
    }
  }

  private static int get(HttpClient http, String url) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}

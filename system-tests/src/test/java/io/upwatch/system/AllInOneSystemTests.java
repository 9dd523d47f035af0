package io.upwatch.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.upwatch.testing.LocalPostgres;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code FUNC=all}: every role in one JVM, each in its own class loader, checks a URL. */
class AllInOneSystemTests {

  @Test
  void allRolesInOneJvmServeTheApiAndRunChecks() throws Exception {
    String jdbcUrl =
        LocalPostgres.recreateDatabase(
            TestStores.database("allinone_system", "upwatch_allinone_test"));
    int redisDatabase = TestStores.redisDatabase(8);
    var redisClient = RedisClient.create("redis://127.0.0.1:6379/" + redisDatabase);
    try (var redis = redisClient.connect();
        var targets = new TargetServer()) {
      redis.sync().flushdb();
      int port = RoleProcess.freePorts();
      Map<String, String> env = RoleProcess.environment(jdbcUrl, redisDatabase);
      try (RoleProcess all = RoleProcess.startAllInOne("all-in-one", env, port)) {
        // The API on SERVER_PORT, the workers on the next two ports.
        for (int role = 0; role < 3; role++) {
          all.awaitReady(Duration.ofSeconds(180), port + role);
        }
        try (var user = new UpwatchApi(all)) {
          user.signUpAndLogIn("single", "single-password");
          long url = user.registerUrl("one", targets.url("/status/one"), 1, 10);

          await()
              .atMost(Duration.ofSeconds(40))
              .pollInterval(Duration.ofMillis(500))
              .until(() -> user.checks(url).size() >= 2);
          assertThat(user.checks(url).get(0).get("statusCode").asInt()).isEqualTo(200);
        }
      }
    } finally {
      redisClient.shutdown();
    }
  }
}

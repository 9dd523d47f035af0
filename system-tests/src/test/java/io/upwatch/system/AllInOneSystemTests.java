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
    String jdbcUrl = LocalPostgres.recreateDatabase("upwatch_allinone_test");
    var redisClient = RedisClient.create("redis://127.0.0.1:6379/8");
    try (var redis = redisClient.connect();
        var targets = new TargetServer()) {
      redis.sync().flushdb();
      int[] ports = {RoleProcess.freePort(), RoleProcess.freePort(), RoleProcess.freePort()};
      Map<String, String> env = RoleProcess.environment(jdbcUrl, 8);
      try (RoleProcess all = RoleProcess.startAllInOne("all-in-one", env, ports)) {
        for (int port : ports) {
          all.awaitReady(Duration.ofSeconds(180), port);
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

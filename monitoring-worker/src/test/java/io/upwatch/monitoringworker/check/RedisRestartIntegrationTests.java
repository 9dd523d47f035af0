package io.upwatch.monitoringworker.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.upwatch.common.CheckTask;
import io.upwatch.common.TaskId;
import io.upwatch.testing.LocalRedisServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The worker on a private Redis that is killed and started again empty (no persistence, as in the
 * default set-up): with the role's own client settings it reconnects, recreates its consumer group
 * and checks a task published right after Redis returns within two seconds.
 */
@SpringBootTest(
    properties = {
      "upwatch.monitoring.worker-id=restart-worker",
      "upwatch.monitoring.read-block=1s",
      "upwatch.monitoring.max-check-timeout=1s"
    })
@DirtiesContext
@Timeout(90)
class RedisRestartIntegrationTests {

  private static final LocalRedisServer server = LocalRedisServer.start();
  private static TargetServer target;

  @Autowired StringRedisTemplate redis;

  @DynamicPropertySource
  static void privateRedis(DynamicPropertyRegistry registry) {
    registry.add("spring.data.redis.host", () -> "127.0.0.1");
    registry.add("spring.data.redis.port", server::port);
    registry.add("spring.data.redis.database", () -> 0);
  }

  @BeforeAll
  static void startTarget() throws Exception {
    target = new TargetServer();
  }

  @AfterAll
  static void stopAll() {
    target.close();
    server.close();
  }

  @Test
  void checksResumeWithinTwoSecondsOfRedisAnsweringAgain() throws Exception {
    StreamFixture streams = new StreamFixture(redis, "default");
    await().atMost(Duration.ofSeconds(30)).until(streams::groupExists);
    CheckTask before = task(1);
    streams.addTask(before);
    await().atMost(Duration.ofSeconds(10)).until(() -> streams.resultsFor(before.id()).size() == 1);

    server.stop();
    Thread.sleep(5_000);
    server.startAgain();
    long back = System.nanoTime();
    CheckTask after = task(2);
    // Published on a fresh connection, as a local worker's scheduler would once Redis answers.
    RedisClient client = RedisClient.create("redis://127.0.0.1:" + server.port());
    try (var connection = client.connect()) {
      connection
          .sync()
          .xadd(streams.tasks(TestWorkers.PARTITIONS.of(after.id().urlId())), after.toFields());
    } finally {
      client.shutdown();
    }

    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(20))
        .ignoreExceptions() // the test's reads share the worker's client, reconnecting too
        .until(() -> streams.resultsFor(after.id()).size() == 1);
    Duration resumed = Duration.ofNanos(System.nanoTime() - back);
    assertThat(resumed).isLessThan(Duration.ofSeconds(2));
  }

  private static CheckTask task(long urlId) {
    return new CheckTask(
        new TaskId(urlId, Instant.now().truncatedTo(ChronoUnit.MILLIS)),
        target.url("/ok"),
        Duration.ofSeconds(1));
  }
}

package io.upwatch.monitoringworker.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.upwatch.common.CheckResult;
import io.upwatch.common.Streams;
import io.upwatch.common.TaskId;
import io.upwatch.monitoringworker.TestProperties;
import io.upwatch.monitoringworker.TestRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Against the local Redis, database 7 unless overridden (see {@link TestRedis}). */
class ResultBacklogWatchTests {

  private LettuceConnectionFactory factory;
  private StringRedisTemplate redis;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final WorkerMetrics metrics = new WorkerMetrics(registry);

  @BeforeEach
  void connect() {
    var config = new RedisStandaloneConfiguration("127.0.0.1", 6379);
    config.setDatabase(TestRedis.database(7));
    factory = new LettuceConnectionFactory(config);
    factory.afterPropertiesSet();
    redis = new StringRedisTemplate(factory);
    deleteResults();
  }

  @AfterEach
  void disconnect() {
    deleteResults();
    factory.destroy();
  }

  private void deleteResults() {
    TestWorkers.PARTITIONS.all().forEach(p -> redis.delete(Streams.results(p)));
  }

  @Test
  void resultsPublishedWhileTheStreamIsAtItsCapAreCounted() {
    var properties = TestProperties.with("w", 10, Duration.ofSeconds(1));
    var watch =
        new ResultBacklogWatch(
            QueueConfiguration.results(redis, TestWorkers.PARTITIONS, properties),
            metrics,
            registry);
    watch.watch();
    checked(5);
    watch.watch();
    assertThat(overflow()).as("below the cap nothing is lost").isZero();

    // One partition at its share of the cap is enough: its new entries trim unread ones.
    long share = Math.ceilDiv(properties.resultsMaxLength(), TestWorkers.PARTITIONS.partitions());
    for (int i = 0; i < share; i++) {
      redis.opsForStream().add(Streams.results(3), Map.of("n", Integer.toString(i)));
    }
    checked(7);
    watch.watch();

    assertThat(overflow()).isEqualTo(7);
  }

  private void checked(int count) {
    for (int i = 0; i < count; i++) {
      metrics.checked(
          new CheckResult(new TaskId(1, Instant.now()), Instant.now(), 1, 200, null, "w", "r"));
    }
  }

  private double overflow() {
    return registry.get("upwatch.results.overflow").counter().count();
  }
}

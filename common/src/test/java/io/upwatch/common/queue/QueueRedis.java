package io.upwatch.common.queue;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.upwatch.testing.LocalRedisCluster;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The Redis the queue tests run on, in either topology: the local server, database {@code
 * SPRING_DATA_REDIS_DATABASE} (15 unless set, so that checkouts building side by side on one Redis
 * do not flush each other's streams; flushes only that database), or a local three-node Redis
 * Cluster ({@link LocalRedisCluster}, all its own).
 */
public final class QueueRedis implements AutoCloseable {

  /** Where the queue runs. */
  public enum Topology {
    SINGLE_SERVER,
    CLUSTER
  }

  private final LettuceConnectionFactory factory;
  private final Topology topology;
  public final StringRedisTemplate redis;

  private QueueRedis(LettuceConnectionFactory factory, Topology topology) {
    this.factory = factory;
    this.topology = topology;
    factory.afterPropertiesSet();
    factory.start();
    redis = new StringRedisTemplate(factory);
  }

  /** Connects to a Redis of the topology; a cluster test is skipped without redis-server. */
  public static QueueRedis connect(Topology topology) {
    if (topology == Topology.SINGLE_SERVER) {
      var configuration = new RedisStandaloneConfiguration("127.0.0.1", 6379);
      configuration.setDatabase(database());
      return new QueueRedis(new LettuceConnectionFactory(configuration), topology);
    }
    assumeTrue(LocalRedisCluster.installed(), LocalRedisCluster::skipReason);
    var cluster = new RedisClusterConfiguration(LocalRedisCluster.get().nodes());
    return new QueueRedis(new LettuceConnectionFactory(cluster), topology);
  }

  public void flush() {
    if (topology == Topology.CLUSTER) {
      LocalRedisCluster.get().flush();
      return;
    }
    redis.execute(
        (RedisCallback<Void>)
            connection -> {
              connection.serverCommands().flushDb();
              return null;
            });
  }

  @Override
  public void close() {
    factory.destroy();
  }

  private static int database() {
    String value = System.getenv("SPRING_DATA_REDIS_DATABASE");
    return value == null || value.isBlank() ? 15 : Integer.parseInt(value.trim());
  }
}

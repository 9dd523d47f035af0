package io.upwatch.common.redis;

import java.time.Duration;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.BaseConfig;
import org.redisson.config.Config;
import org.redisson.config.ConstantDelay;
import org.redisson.config.EqualJitterDelay;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.context.annotation.Bean;

/**
 * A {@link RedissonClient} for the roles that bring Redisson (its distributed primitives: the login
 * throttle, the maintenance lock), on the same Redis as Spring Data Redis: a single server (host,
 * port, database) or a Redis Cluster ({@code spring.data.redis.cluster.nodes}), with the password,
 * from Boot's {@link DataRedisConnectionDetails}. Not Redisson's own starter, which would replace
 * the Lettuce connection factory.
 *
 * <p>Waits are bounded like Lettuce's: a command is tried twice, each try waiting at most half of
 * {@code spring.data.redis.timeout}, so a caller gets an answer or an error within about that
 * timeout; connecting waits at most {@code connect-timeout}. The client connects lazily, so a role
 * starts while Redis is down, and reconnects at most {@code upwatch.redis.max-reconnect-delay}
 * apart.
 */
@AutoConfiguration(after = DataRedisAutoConfiguration.class)
@ConditionalOnClass(RedissonClient.class)
@ConditionalOnBean(DataRedisConnectionDetails.class)
public class RedissonClientAutoConfiguration {

  private static final int ATTEMPTS = 2;
  private static final Duration RETRY_DELAY = Duration.ofMillis(100);

  @Bean(destroyMethod = "shutdown")
  @ConditionalOnMissingBean
  RedissonClient redissonClient(
      DataRedisConnectionDetails connection,
      DataRedisProperties redis,
      RedisClientProperties client) {
    Config config = new Config().setCodec(StringCodec.INSTANCE).setLazyInitialization(true);
    var cluster = connection.getCluster();
    var standalone = connection.getStandalone();
    if (cluster != null) {
      // The login throttle's and the maintenance lock's keys are single keys or share a hash tag.
      bounded(
              config
                  .useClusterServers()
                  .addNodeAddress(
                      cluster.getNodes().stream()
                          .map(node -> "redis://" + node.host() + ":" + node.port())
                          .toArray(String[]::new)),
              connection,
              redis,
              client)
          .setMasterConnectionMinimumIdleSize(2);
    } else if (standalone != null) {
      bounded(
              config
                  .useSingleServer()
                  .setAddress("redis://" + standalone.getHost() + ":" + standalone.getPort())
                  .setDatabase(standalone.getDatabase()),
              connection,
              redis,
              client)
          .setConnectionMinimumIdleSize(2);
    } else {
      throw new IllegalStateException(
          "Redisson is set up for a standalone Redis server or a Redis Cluster only");
    }
    return Redisson.create(config);
  }

  private static <T extends BaseConfig<T>> T bounded(
      T server,
      DataRedisConnectionDetails connection,
      DataRedisProperties redis,
      RedisClientProperties client) {
    return server
        .setUsername(connection.getUsername())
        .setPassword(connection.getPassword())
        .setTimeout(millis(redis.getTimeout(), Duration.ofSeconds(3)) / ATTEMPTS)
        .setConnectTimeout(millis(redis.getConnectTimeout(), Duration.ofSeconds(1)))
        .setRetryAttempts(ATTEMPTS - 1)
        .setRetryDelay(new ConstantDelay(RETRY_DELAY))
        .setReconnectionDelay(
            new EqualJitterDelay(Duration.ofMillis(50), client.maxReconnectDelay()));
  }

  private static int millis(Duration configured, Duration fallback) {
    return Math.toIntExact((configured != null ? configured : fallback).toMillis());
  }
}

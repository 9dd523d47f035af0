package io.upwatch.common.queue;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The local Redis, database {@code SPRING_DATA_REDIS_DATABASE} (15 unless set), so that checkouts
 * building side by side on one Redis do not flush each other's streams. Flushes only that database.
 */
final class QueueRedis implements AutoCloseable {

  private final LettuceConnectionFactory factory;
  final StringRedisTemplate redis;

  QueueRedis() {
    var configuration = new RedisStandaloneConfiguration("127.0.0.1", 6379);
    configuration.setDatabase(database());
    factory = new LettuceConnectionFactory(configuration);
    factory.afterPropertiesSet();
    factory.start();
    redis = new StringRedisTemplate(factory);
  }

  void flush() {
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

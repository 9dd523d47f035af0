package io.upwatch.common.redis;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How every role's Redis client behaves while Redis is unreachable, bound from {@code
 * upwatch.redis.*}. The command and connect timeouts are Spring's own {@code
 * spring.data.redis.timeout} and {@code connect-timeout}, set for all roles in {@code
 * upwatch-redis.yml}.
 *
 * @param maxReconnectDelay longest pause between reconnect attempts (they start at 50 ms and
 *     double), so work resumes within about this long after Redis answers again; a duration with
 *     its unit, positive; 1 s
 */
@Validated
@ConfigurationProperties(prefix = "upwatch.redis")
public record RedisClientProperties(@DefaultValue("1s") Duration maxReconnectDelay) {

  public RedisClientProperties {
    if (maxReconnectDelay == null || maxReconnectDelay.isNegative() || maxReconnectDelay.isZero()) {
      throw new IllegalArgumentException("upwatch.redis.max-reconnect-delay must be positive");
    }
  }
}

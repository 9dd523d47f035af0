package io.upwatch.common.redis;

import io.lettuce.core.ClientOptions.DisconnectedBehavior;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Makes every role degrade instead of stall when Redis goes away. Lettuce's defaults queue commands
 * while it reconnects (a caller then waits the full command timeout, holding whatever it holds) and
 * back off up to 30 s between reconnects (so work resumes up to 30 s after Redis is back). Here
 * commands fail at once while disconnected, and reconnects are at most {@code
 * upwatch.redis.max-reconnect-delay} apart.
 */
@AutoConfiguration
@ConditionalOnClass(LettuceClientOptionsBuilderCustomizer.class)
@EnableConfigurationProperties(RedisClientProperties.class)
public class RedisClientAutoConfiguration {

  private static final Duration FIRST_RECONNECT_DELAY = Duration.ofMillis(50);

  @Bean
  LettuceClientOptionsBuilderCustomizer failFastWhileDisconnected() {
    return options -> options.disconnectedBehavior(DisconnectedBehavior.REJECT_COMMANDS);
  }

  @Bean
  ClientResourcesBuilderCustomizer boundedReconnectDelay(RedisClientProperties properties) {
    return resources ->
        resources.reconnectDelay(
            Delay.exponential(
                FIRST_RECONNECT_DELAY, properties.maxReconnectDelay(), 2, TimeUnit.MILLISECONDS));
  }
}

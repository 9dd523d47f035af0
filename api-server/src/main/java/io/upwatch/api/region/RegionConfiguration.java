package io.upwatch.api.region;

import io.upwatch.common.region.RegionPresence;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Reads which regions have live monitoring workers, from Redis. */
@Configuration(proxyBeanMethods = false)
class RegionConfiguration {

  @Bean
  RegionPresence regionPresence(StringRedisTemplate redis) {
    return new RegionPresence(redis);
  }
}

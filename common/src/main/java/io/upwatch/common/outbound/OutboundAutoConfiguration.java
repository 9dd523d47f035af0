package io.upwatch.common.outbound;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The one {@link TargetPolicy} of a role, from {@link OutboundProperties}. */
@AutoConfiguration
@EnableConfigurationProperties(OutboundProperties.class)
public class OutboundAutoConfiguration {

  @Bean
  TargetPolicy outboundTargetPolicy(OutboundProperties properties) {
    return properties.targetPolicy();
  }
}

package io.upwatch.monitoring.probe;

import io.upwatch.common.outbound.TargetPolicy;
import io.upwatch.monitoring.MonitoringProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The prober, under the role's outbound policy (upwatch.outbound, the same as notifications'). */
@Configuration(proxyBeanMethods = false)
class ProbeConfiguration {

  @Bean(destroyMethod = "close")
  HttpProber prober(MonitoringProperties properties, TargetPolicy outboundTargetPolicy)
      throws Exception {
    return new HttpProber(ProbeSettings.from(properties), outboundTargetPolicy);
  }
}

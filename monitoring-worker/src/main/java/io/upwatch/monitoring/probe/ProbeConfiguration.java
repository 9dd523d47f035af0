package io.upwatch.monitoring.probe;

import io.upwatch.common.outbound.TargetPolicy;
import io.upwatch.monitoring.MonitoringProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ProbeConfiguration {

  @Bean(destroyMethod = "close")
  HttpProber prober(MonitoringProperties properties) throws Exception {
    return new HttpProber(
        ProbeSettings.from(properties), TargetPolicy.of(properties.blockPrivateTargets()));
  }
}

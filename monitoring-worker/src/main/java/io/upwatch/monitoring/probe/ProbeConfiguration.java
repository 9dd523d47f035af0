package io.upwatch.monitoring.probe;

import io.upwatch.common.outbound.TargetPolicy;
import io.upwatch.monitoring.MonitoringProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ProbeConfiguration {

  @Bean(destroyMethod = "close")
  HttpProber httpProber(MonitoringProperties properties) throws Exception {
    return new HttpProber(
        ProbeSettings.from(properties), TargetPolicy.of(properties.blockPrivateTargets()));
  }

  @Bean
  Probers prober(HttpProber http, MonitoringProperties properties) {
    return new Probers(
        http, new TcpProber(TargetPolicy.of(properties.blockPrivateTargets())), new DnsProber());
  }
}

package io.upwatch.monitoringworker.probe;

import io.upwatch.common.outbound.TargetPolicy;
import io.upwatch.monitoringworker.MonitoringProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The prober, under the role's outbound policy (upwatch.outbound, the same as notifications'). */
@Configuration(proxyBeanMethods = false)
class ProbeConfiguration {

  @Bean(destroyMethod = "close")
  HttpProber httpProber(MonitoringProperties properties, TargetPolicy outboundTargetPolicy)
      throws Exception {
    return new HttpProber(ProbeSettings.from(properties), outboundTargetPolicy);
  }

  @Bean
  Probers prober(HttpProber http, TargetPolicy outboundTargetPolicy) {
    return new Probers(http, new TcpProber(outboundTargetPolicy), new DnsProber());
  }
}

package io.upwatch.worker.config;

import io.upwatch.common.loop.WorkerLoop;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The worker's clock and its queue metrics loop. */
@Configuration(proxyBeanMethods = false)
class WorkerConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  WorkerLoop queueMetricsLoop(QueueMetrics metrics, WorkerProperties properties) {
    return metrics.loop(properties.metricsInterval(), properties.autostart());
  }
}

package io.upwatch.localworker.config;

import io.upwatch.common.loop.WorkerLoop;
import io.upwatch.common.queue.ResultQueue;
import io.upwatch.common.queue.StreamQueue;
import io.upwatch.common.queue.TaskQueue;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The worker's clock, its ends of the task and result queues, and their metrics loop. */
@Configuration(proxyBeanMethods = false)
class WorkerConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Publishes tasks; monitoring workers consume and dead-letter them. */
  @Bean
  TaskQueue taskQueue(StringRedisTemplate redis, WorkerProperties properties) {
    return new TaskQueue(redis, properties.taskStreamMaxLength(), StreamQueue.UNCAPPED);
  }

  /** Consumes results; the result dead letters stay uncapped, they are rare and kept for study. */
  @Bean
  ResultQueue resultQueue(StringRedisTemplate redis) {
    return new ResultQueue(redis, StreamQueue.UNCAPPED, StreamQueue.UNCAPPED);
  }

  @Bean
  WorkerLoop queueMetricsLoop(QueueMetrics metrics, WorkerProperties properties) {
    return metrics.loop(properties.metricsInterval(), properties.autostart());
  }
}

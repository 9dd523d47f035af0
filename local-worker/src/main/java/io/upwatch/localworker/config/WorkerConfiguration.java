package io.upwatch.localworker.config;

import io.upwatch.common.loop.WorkerLoop;
import io.upwatch.common.queue.QueuePartitions;
import io.upwatch.common.queue.ResultQueue;
import io.upwatch.common.queue.StreamQueue;
import io.upwatch.common.region.DeploymentRegions;
import io.upwatch.common.region.RegionPresence;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The worker's clock, its ends of the task and result queues, the regions' presence, and the queue
 * metrics loop.
 */
@Configuration(proxyBeanMethods = false)
class WorkerConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Publishes tasks, per region; monitoring workers consume and dead-letter them. */
  @Bean
  TaskQueues taskQueues(
      StringRedisTemplate redis,
      QueuePartitions partitions,
      DeploymentRegions regions,
      WorkerProperties properties) {
    return new TaskQueues(redis, partitions, regions, properties.taskStreamMaxLength());
  }

  /** Consumes results; the result dead letters stay uncapped, they are rare and kept for study. */
  @Bean
  ResultQueue resultQueue(StringRedisTemplate redis, QueuePartitions partitions) {
    return new ResultQueue(redis, partitions, StreamQueue.UNCAPPED, StreamQueue.UNCAPPED);
  }

  /** Which regions have live monitoring workers. */
  @Bean
  RegionPresence regionPresence(StringRedisTemplate redis) {
    return new RegionPresence(redis);
  }

  @Bean
  WorkerLoop queueMetricsLoop(QueueMetrics metrics, WorkerProperties properties) {
    return metrics.loop(properties.metricsInterval(), properties.autostart());
  }
}

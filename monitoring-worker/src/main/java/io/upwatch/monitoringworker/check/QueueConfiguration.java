package io.upwatch.monitoringworker.check;

import io.upwatch.common.queue.QueuePartitions;
import io.upwatch.common.queue.ResultQueue;
import io.upwatch.common.queue.StreamQueue;
import io.upwatch.common.queue.TaskQueue;
import io.upwatch.common.region.RegionPresence;
import io.upwatch.monitoringworker.MonitoringProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * This worker's ends of the queues: it consumes its region's tasks, publishes results, and tells
 * the others it is alive in its region.
 */
@Configuration(proxyBeanMethods = false)
class QueueConfiguration {

  @Bean
  TaskQueue taskQueue(
      StringRedisTemplate redis, QueuePartitions partitions, MonitoringProperties properties) {
    return tasks(redis, partitions, properties);
  }

  @Bean
  ResultQueue resultQueue(
      StringRedisTemplate redis, QueuePartitions partitions, MonitoringProperties properties) {
    return results(redis, partitions, properties);
  }

  @Bean
  RegionPresence regionPresence(StringRedisTemplate redis) {
    return new RegionPresence(redis);
  }

  static TaskQueue tasks(
      StringRedisTemplate redis, QueuePartitions partitions, MonitoringProperties properties) {
    return new TaskQueue(
        redis,
        partitions,
        properties.region(),
        StreamQueue.UNCAPPED,
        properties.deadLettersMaxLength());
  }

  static ResultQueue results(
      StringRedisTemplate redis, QueuePartitions partitions, MonitoringProperties properties) {
    return new ResultQueue(redis, partitions, properties.resultsMaxLength(), StreamQueue.UNCAPPED);
  }
}

package io.upwatch.monitoringworker.check;

import io.upwatch.common.queue.ResultQueue;
import io.upwatch.common.queue.StreamQueue;
import io.upwatch.common.queue.TaskQueue;
import io.upwatch.monitoringworker.MonitoringProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** This worker's ends of the queues: it consumes tasks and publishes results. */
@Configuration(proxyBeanMethods = false)
class QueueConfiguration {

  @Bean
  TaskQueue taskQueue(StringRedisTemplate redis, MonitoringProperties properties) {
    return tasks(redis, properties);
  }

  @Bean
  ResultQueue resultQueue(StringRedisTemplate redis, MonitoringProperties properties) {
    return results(redis, properties);
  }

  static TaskQueue tasks(StringRedisTemplate redis, MonitoringProperties properties) {
    return new TaskQueue(redis, StreamQueue.UNCAPPED, properties.deadLettersMaxLength());
  }

  static ResultQueue results(StringRedisTemplate redis, MonitoringProperties properties) {
    return new ResultQueue(redis, properties.resultsMaxLength(), StreamQueue.UNCAPPED);
  }
}

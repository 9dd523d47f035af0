package io.upwatch.localworker.schedule;

import io.upwatch.common.loop.WorkerLoop;
import io.upwatch.localworker.config.WorkerProperties;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs scheduling passes until shutdown. Between buckets of time a pass costs no round trip, so
 * passes look four times a bucket, and a bucket is handed out within a quarter of one after it
 * ends.
 */
@Configuration(proxyBeanMethods = false)
class SchedulingConfiguration {

  @Bean
  WorkerLoop schedulingLoop(CheckScheduler scheduler, WorkerProperties properties) {
    return new WorkerLoop(
        "scheduler",
        scheduler::schedulePass,
        properties.scheduleBucket().dividedBy(4),
        // Short: after an outage of Redis or PostgreSQL, slots resume within a second of it.
        Duration.ofSeconds(1),
        10,
        properties.autostart());
  }
}

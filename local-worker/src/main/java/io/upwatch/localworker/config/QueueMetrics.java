package io.upwatch.localworker.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.upwatch.common.Streams;
import io.upwatch.common.loop.WorkerLoop;
import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes the length of every stream and the backlog (lag and pending entries) of the consumer
 * groups on the task and result streams as gauges, read from Redis every metrics interval rather
 * than on every scrape.
 */
@Component
class QueueMetrics {

  private final StringRedisTemplate redis;
  private final List<StreamBacklog> streams;

  QueueMetrics(StringRedisTemplate redis, MeterRegistry registry) {
    this.redis = redis;
    this.streams =
        List.of(
            new StreamBacklog(Streams.TASKS, Streams.MONITORING_GROUP, registry),
            new StreamBacklog(Streams.RESULTS, Streams.INGESTION_GROUP, registry),
            new StreamBacklog(Streams.DEAD_LETTERS, registry),
            new StreamBacklog(Streams.RESULT_DEAD_LETTERS, registry));
  }

  WorkerLoop loop(Duration interval, boolean autostart) {
    return new WorkerLoop(
        "queue-metrics",
        () -> {
          refresh();
          return false;
        },
        interval,
        interval,
        0,
        autostart);
  }

  void refresh() {
    streams.forEach(stream -> stream.refresh(redis));
  }
}

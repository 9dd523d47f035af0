package io.upwatch.worker.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.upwatch.common.Streams;
import io.upwatch.common.loop.WorkerLoop;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes queue depth and pending counts of both streams as gauges, read from Redis every metrics
 * interval rather than on every scrape.
 */
@Component
class QueueMetrics {

  private final StringRedisTemplate redis;
  private final AtomicLong taskDepth = new AtomicLong();
  private final AtomicLong taskPending = new AtomicLong();
  private final AtomicLong resultDepth = new AtomicLong();
  private final AtomicLong resultPending = new AtomicLong();
  private final AtomicLong deadLetters = new AtomicLong();

  QueueMetrics(StringRedisTemplate redis, MeterRegistry registry) {
    this.redis = redis;
    gauge(registry, "upwatch.queue.depth", "stream", "tasks", taskDepth);
    gauge(registry, "upwatch.queue.pending", "stream", "tasks", taskPending);
    gauge(registry, "upwatch.queue.depth", "stream", "results", resultDepth);
    gauge(registry, "upwatch.queue.pending", "stream", "results", resultPending);
    gauge(registry, "upwatch.queue.depth", "stream", "dead-letters", deadLetters);
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
    var streams = redis.opsForStream();
    taskDepth.set(orZero(streams.size(Streams.TASKS)));
    resultDepth.set(orZero(streams.size(Streams.RESULTS)));
    deadLetters.set(
        orZero(streams.size(Streams.DEAD_LETTERS))
            + orZero(streams.size(Streams.RESULT_DEAD_LETTERS)));
    taskPending.set(pending(Streams.TASKS, Streams.MONITORING_GROUP));
    resultPending.set(pending(Streams.RESULTS, Streams.INGESTION_GROUP));
  }

  private long pending(String stream, String group) {
    try {
      var summary = redis.opsForStream().pending(stream, group);
      return summary == null ? 0 : summary.getTotalPendingMessages();
    } catch (RuntimeException noGroupYet) {
      return 0;
    }
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }

  private static void gauge(
      MeterRegistry registry, String name, String tag, String value, AtomicLong source) {
    Gauge.builder(name, source, AtomicLong::get).tag(tag, value).register(registry);
  }
}

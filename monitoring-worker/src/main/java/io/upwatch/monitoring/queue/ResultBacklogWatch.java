package io.upwatch.monitoring.queue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.upwatch.common.Streams;
import io.upwatch.common.loop.WorkerLoop;
import io.upwatch.monitoring.MonitoringProperties;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Watches the result stream's cap. When no local worker consumes for long, the stream reaches its
 * approximate MAXLEN and every new result trims an unread old one: Redis memory stays bounded, and
 * the loss is logged (once a minute) and counted in {@code upwatch.results.overflow}.
 */
@Component
class ResultBacklogWatch implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ResultBacklogWatch.class);
  private static final Duration EVERY = Duration.ofSeconds(10);
  private static final long WARN_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

  private final StringRedisTemplate redis;
  private final WorkerMetrics metrics;
  private final long cap;
  private final Counter overflow;
  private final WorkerLoop loop;
  private long lastChecked = -1;
  private long lastWarning = System.nanoTime() - WARN_EVERY_NANOS;

  ResultBacklogWatch(
      StringRedisTemplate redis,
      WorkerMetrics metrics,
      MonitoringProperties properties,
      MeterRegistry registry) {
    this.redis = redis;
    this.metrics = metrics;
    this.cap = properties.resultsMaxLength();
    this.overflow =
        Counter.builder("upwatch.results.overflow")
            .description("Results published while the result stream was at its cap")
            .register(registry);
    this.loop = new WorkerLoop("result-backlog-watch", this::watch, EVERY, EVERY, 0);
  }

  boolean watch() {
    long checked = metrics.checkedTotal();
    long sincePrevious = lastChecked < 0 ? 0 : checked - lastChecked;
    lastChecked = checked;
    Long length = redis.opsForStream().size(Streams.RESULTS);
    if (length != null && length >= cap) {
      overflow.increment(sincePrevious);
      long now = System.nanoTime();
      if (now - lastWarning >= WARN_EVERY_NANOS) {
        lastWarning = now;
        log.warn(
            "Result stream is at its cap of {} entries: no local worker is consuming; the oldest"
                + " unread results are being dropped",
            cap);
      }
    }
    return false;
  }

  @Override
  public void start() {
    loop.start();
  }

  @Override
  public void stop() {
    loop.stop();
  }

  @Override
  public boolean isRunning() {
    return loop.isRunning();
  }
}

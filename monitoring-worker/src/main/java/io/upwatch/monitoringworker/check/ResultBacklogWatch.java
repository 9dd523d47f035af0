package io.upwatch.monitoringworker.check;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.upwatch.common.loop.WorkerLoop;
import io.upwatch.common.queue.ResultQueue;
import java.time.Duration;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Watches the result stream's cap. When no local worker consumes for long, the stream reaches its
 * approximate MAXLEN and every new result trims an unread old one: Redis memory stays bounded, and
 * the loss is logged (once a minute, by the queue) and counted in {@code upwatch.results.overflow}.
 */
@Component
class ResultBacklogWatch implements SmartLifecycle {

  private static final Duration EVERY = Duration.ofSeconds(10);

  private final ResultQueue results;
  private final WorkerMetrics metrics;
  private final Counter overflow;
  private final WorkerLoop loop;
  private long lastChecked = -1;

  ResultBacklogWatch(ResultQueue results, WorkerMetrics metrics, MeterRegistry registry) {
    this.results = results;
    this.metrics = metrics;
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
    if (results.atCap()) {
      overflow.increment(sincePrevious);
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

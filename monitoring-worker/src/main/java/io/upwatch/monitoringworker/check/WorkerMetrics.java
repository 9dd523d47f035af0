package io.upwatch.monitoringworker.check;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.upwatch.common.CheckResult;
import io.upwatch.common.FailureKind;
import io.upwatch.common.metrics.HistogramBuckets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import org.springframework.stereotype.Component;

/** The worker's meters; all created up front so the hot path only increments. */
@Component
class WorkerMetrics {

  private final MeterRegistry registry;
  private final Counter successes;
  private final Map<FailureKind, Counter> failures = new EnumMap<>(FailureKind.class);
  private final Timer successLatency;
  private final Timer failureLatency;
  private final Counter reclaimed;
  private final LongAdder checkedTotal = new LongAdder();

  WorkerMetrics(MeterRegistry registry) {
    this.registry = registry;
    successes = checks("success", "none");
    for (FailureKind kind : FailureKind.values()) {
      failures.put(kind, checks("failure", kind.name().toLowerCase(Locale.ROOT)));
    }
    successLatency = latency("success");
    failureLatency = latency("failure");
    reclaimed =
        Counter.builder("upwatch.tasks.reclaimed")
            .description("Tasks taken over from workers that held them past the lease")
            .register(registry);
  }

  void trackInFlight(IntSupplier inFlight) {
    Gauge.builder("upwatch.checks.in.flight", inFlight::getAsInt)
        .description("Checks running now")
        .register(registry);
  }

  void checked(CheckResult result) {
    checkedTotal.increment();
    Counter counter = result.success() ? successes : failures.get(result.failureKind());
    counter.increment();
    Timer latency = result.success() ? successLatency : failureLatency;
    latency.record(Duration.ofMillis(result.latencyMillis()));
  }

  /** Checks run by this process since it started. */
  long checkedTotal() {
    return checkedTotal.sum();
  }

  void reclaimed(int count) {
    reclaimed.increment(count);
  }

  void deadLettered(String reason) {
    Counter.builder("upwatch.tasks.dead.lettered")
        .description("Tasks moved to the dead-letter stream")
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  private Counter checks(String outcome, String kind) {
    return Counter.builder("upwatch.checks")
        .description("Checks run, by outcome and failure kind")
        .tag("outcome", outcome)
        .tag("kind", kind)
        .register(registry);
  }

  private Timer latency(String outcome) {
    return Timer.builder("upwatch.check.latency")
        .description("Time from the start of a check to its completion or failure")
        .tag("outcome", outcome)
        // Up to the longest check timeout (30 s); a histogram, so it aggregates across workers.
        .serviceLevelObjectives(
            HistogramBuckets.between(Duration.ofMillis(10), Duration.ofSeconds(30)))
        .register(registry);
  }
}

package io.upwatch.localworker.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.upwatch.common.metrics.HistogramBuckets;
import java.time.Duration;

/** The ingestion meters, shared by every consumer of this process. */
final class IngestMetrics {
  private final Counter stored;
  private final Counter duplicates;
  private final Counter discarded;
  private final Counter deadLettered;
  private final Counter takenOver;
  private final DistributionSummary batchSize;
  private final Timer batchTime;
  private final Timer scheduleLag;

  IngestMetrics(MeterRegistry registry) {
    stored = result(registry, "stored");
    duplicates = result(registry, "duplicate");
    discarded = result(registry, "outside-retention");
    deadLettered = result(registry, "dead-lettered");
    takenOver =
        Counter.builder("upwatch.ingest.taken.over")
            .description("Results taken over from ingestion consumers that stopped")
            .register(registry);
    batchSize =
        DistributionSummary.builder("upwatch.ingest.batch.size")
            .description("Results read from the stream by one ingestion pass")
            .baseUnit("results")
            .serviceLevelObjectives(HistogramBuckets.between(1, 1000))
            .register(registry);
    batchTime =
        Timer.builder("upwatch.ingest.batch.time")
            .description("Time to store one batch of results and evaluate its alerts")
            .serviceLevelObjectives(
                HistogramBuckets.between(Duration.ofMillis(5), Duration.ofSeconds(5)))
            .register(registry);
    // From on time to the stream's backlog after an outage (minutes).
    scheduleLag =
        Timer.builder("upwatch.schedule.lag")
            .description("Check start minus its scheduled slot")
            .serviceLevelObjectives(
                HistogramBuckets.between(Duration.ofMillis(100), Duration.ofMinutes(5)))
            .register(registry);
  }

  private static Counter result(MeterRegistry registry, String outcome) {
    return Counter.builder("upwatch.ingest.results")
        .description("Results read from the stream, by what became of them")
        .tag("outcome", outcome)
        .register(registry);
  }

  void stored(int fresh, int duplicate) {
    stored.increment(fresh);
    duplicates.increment(duplicate);
  }

  void discarded() {
    discarded.increment();
  }

  void deadLettered() {
    deadLettered.increment();
  }

  void takenOver(int count) {
    takenOver.increment(count);
  }

  void batch(int size, Duration time) {
    batchSize.record(size);
    batchTime.record(time);
  }

  void scheduleLag(Duration lag) {
    scheduleLag.record(lag.isNegative() ? Duration.ZERO : lag);
  }
}

package io.upwatch.localworker.ingest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.upwatch.common.loop.WorkerLoop;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.context.SmartLifecycle;

/** One {@link WorkerLoop} per ingestion consumer, started and stopped together. */
class IngestionLoops implements SmartLifecycle {

  private final List<WorkerLoop> loops;
  private final boolean autostart;

  IngestionLoops(List<ResultIngestor> ingestors, boolean autostart, MeterRegistry registry) {
    this.autostart = autostart;
    this.loops =
        IntStream.range(0, ingestors.size())
            .mapToObj(
                i ->
                    new WorkerLoop(
                        "ingest-" + i,
                        ingestors.get(i)::ingestPass,
                        Duration.ZERO,
                        // Short: a backlog after an outage is stored within a second of its end.
                        Duration.ofSeconds(1),
                        getPhase(),
                        autostart))
            .toList();
    Gauge.builder("upwatch.ingest.stalled", loops, IngestionLoops::longestFailing)
        .description(
            "How long the longest-failing ingestion consumer of this process has stored nothing"
                + " because every pass failed; 0 while all work")
        .baseUnit("seconds")
        .register(registry);
  }

  private static double longestFailing(List<WorkerLoop> loops) {
    return loops.stream().mapToDouble(l -> l.failingFor().toMillis() / 1000.0).max().orElse(0);
  }

  @Override
  public void start() {
    loops.forEach(WorkerLoop::start);
  }

  @Override
  public void stop() {
    loops.parallelStream().forEach(WorkerLoop::stop);
  }

  @Override
  public boolean isRunning() {
    return loops.stream().anyMatch(WorkerLoop::isRunning);
  }

  @Override
  public boolean isAutoStartup() {
    return autostart;
  }

  @Override
  public int getPhase() {
    return 20;
  }
}

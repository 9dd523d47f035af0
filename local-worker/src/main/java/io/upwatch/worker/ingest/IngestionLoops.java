package io.upwatch.worker.ingest;

import io.upwatch.common.loop.WorkerLoop;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.context.SmartLifecycle;

/** One {@link WorkerLoop} per ingestion consumer, started and stopped together. */
class IngestionLoops implements SmartLifecycle {

  private final List<WorkerLoop> loops;
  private final boolean autostart;

  IngestionLoops(List<ResultIngestor> ingestors, boolean autostart) {
    this.autostart = autostart;
    this.loops =
        IntStream.range(0, ingestors.size())
            .mapToObj(
                i ->
                    new WorkerLoop(
                        "ingest-" + i,
                        ingestors.get(i)::ingestPass,
                        Duration.ZERO,
                        Duration.ofSeconds(10),
                        getPhase(),
                        autostart))
            .toList();
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

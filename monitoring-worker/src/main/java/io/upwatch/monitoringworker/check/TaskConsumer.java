package io.upwatch.monitoringworker.check;

import io.upwatch.common.CheckTask;
import io.upwatch.common.loop.WorkerLoop;
import io.upwatch.common.queue.ReclaimCursor;
import io.upwatch.common.queue.Reclaimed;
import io.upwatch.common.queue.StreamEntry;
import io.upwatch.common.queue.TaskQueue;
import io.upwatch.monitoringworker.MonitoringProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads tasks from its region's task stream, every partition, while running, never more than there
 * is capacity for, and every reclaim interval takes over tasks that dead workers left pending. Its
 * {@link WorkerLoop} survives any failure: logs it once, backs off, and carries on. On stop it
 * reads no more, hands back at once the tasks it holds but has not started, lets running checks
 * finish for the grace period and then hands back the abandoned ones too, so that other workers
 * check them within a reclaim interval instead of a lease. While it runs it beats in its region
 * ({@link RegionBeat}), and it leaves the region as soon as it stops reading.
 */
@Component
class TaskConsumer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(TaskConsumer.class);
  // Short: after a Redis outage, checks resume within a second of it.
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(1);

  private final TaskQueue tasks;
  private final CheckRunner runner;
  private final RegionBeat beat;
  private final WorkerLoop loop;
  private final WorkerMetrics metrics;
  private final Clock clock;
  private final MonitoringProperties properties;
  private boolean groupReady;
  private ReclaimCursor reclaimCursor = ReclaimCursor.START;
  private Instant nextReclaim = Instant.MIN;

  TaskConsumer(
      TaskQueue tasks,
      CheckRunner runner,
      RegionBeat beat,
      WorkerMetrics metrics,
      Clock clock,
      MonitoringProperties properties) {
    this.tasks = tasks;
    this.runner = runner;
    this.beat = beat;
    this.metrics = metrics;
    this.clock = clock;
    this.properties = properties;
    // No idle pause: every pass already waits, for capacity or in XREADGROUP BLOCK.
    this.loop = new WorkerLoop("task-consumer", this::pass, Duration.ZERO, MAX_BACKOFF, getPhase());
  }

  @Override
  public void start() {
    runner.open();
    loop.start();
    beat.start();
    log.info(
        "Monitoring worker {} (region {}) consuming with concurrency {}",
        properties.workerId(),
        properties.region(),
        properties.concurrency());
  }

  @Override
  public void stop() {
    loop.stop();
    // At once, so that schedulers stop publishing to the region if this was its last worker.
    beat.stop();
    // Tasks read but not started (a read cut short by the stop) need not wait for the grace.
    if (runner.inFlight() > 0) {
      handBack();
    }
    boolean interrupted = false;
    boolean finished;
    try {
      finished = runner.awaitIdle(properties.shutdownGrace());
    } catch (InterruptedException e) {
      interrupted = true;
      finished = false;
    }
    if (!finished) {
      log.info("Abandoning {} unfinished checks", runner.inFlight());
    }
    runner.close(!finished);
    handBack();
    log.info("Monitoring worker {} stopped", properties.workerId());
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  // Best effort and bounded: when Redis does not answer, the tasks wait for their lease instead.
  private void handBack() {
    try {
      // Own pending entries: the checks in flight, one read whose reply was lost, and results that
      // could not be published; more than that wait for their lease.
      long handed =
          tasks.handBack(properties.workerId(), runner.running(), 4 * properties.concurrency());
      if (handed > 0) {
        log.info("Handed back {} unfinished tasks to other workers", handed);
      }
    } catch (RuntimeException e) {
      log.warn("Could not hand back unfinished tasks; they wait for the lease instead", e);
    }
  }

  @Override
  public boolean isRunning() {
    return loop.isRunning();
  }

  private boolean pass() throws InterruptedException {
    int reserved = 0;
    int started = 0;
    try {
      if (!groupReady) {
        tasks.ensureGroup();
        groupReady = true;
      }
      reserved = runner.reserve(properties.readBlock());
      if (reserved > 0) {
        for (StreamEntry entry : next(reserved)) {
          if (dispatch(entry)) {
            started++;
          }
        }
      }
      return true;
    } catch (RuntimeException e) {
      groupReady = false; // Redis may have lost it, e.g. after a restart without persistence.
      throw e;
    } finally {
      runner.release(reserved - started);
    }
  }

  private List<StreamEntry> next(int count) {
    if (clock.instant().isBefore(nextReclaim)) {
      return tasks.readNew(properties.workerId(), count, properties.readBlock());
    }
    Reclaimed reclaimed =
        tasks.reclaim(properties.workerId(), reclaimCursor, count, properties.leaseTime());
    reclaimCursor = reclaimed.cursor();
    if (reclaimed.scanComplete()) {
      nextReclaim = clock.instant().plus(properties.reclaimInterval());
      tasks.forgetIdleConsumers(properties.workerId(), properties.leaseTime().multipliedBy(10));
    }
    if (!reclaimed.entries().isEmpty()) {
      log.info("Reclaimed {} tasks left pending past the lease", reclaimed.entries().size());
      metrics.reclaimed(reclaimed.entries().size());
    }
    return reclaimed.entries();
  }

  /** Starts the entry's check; false when it was dead-lettered instead. */
  private boolean dispatch(StreamEntry entry) {
    if (entry.deliveries() > properties.maxDeliveries()) {
      log.warn(
          "Task {} delivered {} times; moved to the dead-letter stream",
          entry.id(),
          entry.deliveries());
      tasks.deadLetter(entry, "max-deliveries: delivered " + entry.deliveries() + " times");
      metrics.deadLettered("max_deliveries");
      return false;
    }
    CheckTask task;
    try {
      task = decode(entry);
    } catch (IllegalArgumentException e) {
      log.warn("Malformed task {} moved to the dead-letter stream: {}", entry.id(), e.getMessage());
      tasks.deadLetter(entry, "malformed: " + e.getMessage());
      metrics.deadLettered("malformed");
      return false;
    }
    return runner.submit(entry.ref(), task);
  }

  private static CheckTask decode(StreamEntry entry) {
    CheckTask task = CheckTask.fromFields(entry.fields());
    if (task.timeout().isNegative() || task.timeout().isZero()) {
      throw new IllegalArgumentException("Timeout is not positive: " + task.timeout());
    }
    return task;
  }
}

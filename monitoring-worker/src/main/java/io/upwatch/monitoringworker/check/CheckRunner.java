package io.upwatch.monitoringworker.check;

import io.upwatch.common.CheckResult;
import io.upwatch.common.CheckTask;
import io.upwatch.common.queue.EntryRef;
import io.upwatch.common.queue.ResultQueue;
import io.upwatch.common.queue.TaskQueue;
import io.upwatch.monitoringworker.MonitoringProperties;
import io.upwatch.monitoringworker.probe.ProbeOutcome;
import io.upwatch.monitoringworker.probe.Prober;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs checks on virtual threads, at most {@code concurrency} at once, and for each publishes the
 * result and only then acknowledges the task. A task whose result could not be published stays
 * pending, to be reclaimed after the lease: at-least-once.
 */
@Component
class CheckRunner {

  private static final Logger log = LoggerFactory.getLogger(CheckRunner.class);
  // Interrupted checks end at once (the prober gives up, a publish under way ends within the
  // Redis timeout); one that does not is left to the lease rather than delay the shutdown.
  private static final Duration ABANDON_WAIT = Duration.ofSeconds(1);

  private final Prober prober;
  private final ResultBatches results;
  private final WorkerMetrics metrics;
  private final OutageLog outage;
  private final Clock clock;
  private final MonitoringProperties properties;
  private final Semaphore permits;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Set<EntryRef> running = ConcurrentHashMap.newKeySet();
  private volatile ExecutorService checks;
  private volatile boolean handedBack;

  CheckRunner(
      Prober prober,
      TaskQueue tasks,
      ResultQueue queue,
      WorkerMetrics metrics,
      OutageLog outage,
      Clock clock,
      MonitoringProperties properties) {
    this.prober = prober;
    this.results = new ResultBatches(answers -> queue.publishAndAcknowledge(answers, tasks));
    this.metrics = metrics;
    this.outage = outage;
    this.clock = clock;
    this.properties = properties;
    this.permits = new Semaphore(properties.concurrency());
    metrics.trackInFlight(inFlight::get);
  }

  void open() {
    handedBack = false;
    checks = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("check-", 0).factory());
  }

  /** Waits up to {@code wait} for free capacity; returns how many checks may start (0 or more). */
  int reserve(Duration wait) throws InterruptedException {
    if (!permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
      return 0;
    }
    return 1 + permits.drainPermits();
  }

  void release(int unused) {
    permits.release(unused);
  }

  /** Starts a check on one reserved permit; false when shutting down (the permit is returned). */
  boolean submit(EntryRef entry, CheckTask task) {
    inFlight.incrementAndGet();
    running.add(entry);
    try {
      checks.execute(() -> runAndRelease(entry, task));
      return true;
    } catch (RejectedExecutionException e) {
      running.remove(entry);
      inFlight.decrementAndGet();
      permits.release();
      return false;
    }
  }

  int inFlight() {
    return inFlight.get();
  }

  /** Ids of the task entries whose checks run or publish right now: not to be handed back. */
  Set<EntryRef> running() {
    return Set.copyOf(running);
  }

  /** Waits up to {@code grace} for running checks; returns whether all finished. */
  boolean awaitIdle(Duration grace) throws InterruptedException {
    int all = properties.concurrency();
    if (!permits.tryAcquire(all, grace.toMillis(), TimeUnit.MILLISECONDS)) {
      return false;
    }
    permits.release(all);
    return true;
  }

  /**
   * Accepts no more checks. With {@code abandon}, also interrupts the running ones, which then
   * publish nothing, and waits a moment for them to end: their tasks stay pending, to be handed
   * back to other workers.
   */
  void close(boolean abandon) {
    handedBack = abandon;
    if (!abandon) {
      checks.shutdown();
      return;
    }
    checks.shutdownNow();
    try {
      if (!checks.awaitTermination(ABANDON_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        log.info("{} abandoned checks still running; their tasks wait for the lease", inFlight());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void runAndRelease(EntryRef entry, CheckTask task) {
    boolean publishing = false;
    try {
      publishing = run(entry, task);
    } catch (InterruptedException e) {
      log.debug("Check of task {} abandoned on shutdown", task.id());
    } catch (RuntimeException e) {
      log.warn("Check of task {} failed unexpectedly; it stays pending", task.id(), e);
    } finally {
      if (!publishing) {
        finish(entry);
      }
    }
  }

  /**
   * Probes and queues the result; true when the result is on its way, in which case its batch's
   * completion ends the check. The check's thread does not wait for that: a thread parked for every
   * result in a batch would cost a hand-off each and hold its stack for the round trip.
   */
  private boolean run(EntryRef entry, CheckTask task) throws InterruptedException {
    Instant startedAt = clock.instant();
    Duration timeout =
        task.timeout().compareTo(properties.maxCheckTimeout()) > 0
            ? properties.maxCheckTimeout()
            : task.timeout();
    ProbeOutcome outcome = prober.probe(task, timeout);
    var result =
        new CheckResult(
            task.id(),
            startedAt,
            outcome.latency().toMillis(),
            outcome.statusCode(),
            outcome.failure(),
            outcome.message(),
            properties.workerId(),
            properties.region(),
            outcome.tlsExpiresAt());
    metrics.checked(result);
    if (handedBack) {
      return false;
    }
    log.debug("Checked {} for task {}: {}", task.url(), task.id(), result);
    // Until the batch completes, the task stays running (not handed back on stop) and holds its
    // permit: a stop waits for it, and a check abandoned now must not look finished.
    results
        .submit(entry, result)
        .whenComplete(
            (published, failure) -> {
              if (failure == null) {
                outage.recovered();
              } else {
                outage.failed(
                    failure instanceof Exception e ? e : new IllegalStateException(failure));
              }
              finish(entry);
            });
    return true;
  }

  private void finish(EntryRef entry) {
    running.remove(entry);
    inFlight.decrementAndGet();
    permits.release();
  }
}

package io.upwatch.localworker.schedule;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.upwatch.common.CheckTask;
import io.upwatch.common.metrics.HistogramBuckets;
import io.upwatch.common.queue.TaskQueue;
import io.upwatch.localworker.config.WorkerProperties;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One scheduling pass: claim the checks of the next range of time and publish their tasks inside
 * one database transaction. If publishing fails the claim rolls back and the range is claimed again
 * on the next pass; if the commit fails after publishing, the same task ids are published again and
 * the result store keeps one row per id.
 */
@Component
class CheckScheduler {

  private static final Logger log = LoggerFactory.getLogger(CheckScheduler.class);

  private final DueUrlClaimer claimer;
  private final TaskQueue queue;
  private final TransactionTemplate transaction;
  private final WorkerProperties properties;
  private final Counter scheduled;
  private final Counter overflowed;
  private final Timer passTime;
  private static final long LENGTH_CHECK_EVERY_NANOS = 5_000_000_000L;

  private long lastLengthCheck;

  CheckScheduler(
      DueUrlClaimer claimer,
      TaskQueue queue,
      TransactionTemplate transaction,
      WorkerProperties properties,
      MeterRegistry registry) {
    this.claimer = claimer;
    this.queue = queue;
    this.transaction = transaction;
    this.properties = properties;
    this.scheduled =
        Counter.builder("upwatch.schedule.tasks")
            .description("Check tasks published to the task stream")
            .register(registry);
    this.overflowed =
        Counter.builder("upwatch.schedule.task.overflow")
            .description("Tasks published while the task stream was at its cap")
            .register(registry);
    this.passTime =
        Timer.builder("upwatch.schedule.pass")
            .description("Time of one scheduling pass: claiming due URLs and publishing tasks")
            .serviceLevelObjectives(
                HistogramBuckets.between(Duration.ofMillis(1), Duration.ofSeconds(5)))
            .register(registry);
  }

  /** Schedules what is due; true when more may be due right away. */
  boolean schedulePass() {
    if (!claimer.due()) {
      return false;
    }
    Integer claimed =
        passTime.record(
            () ->
                transaction.execute(
                    status -> {
                      // TODO(#15): one task per region of each due check.
                      List<CheckTask> tasks =
                          claimer.claim(properties.claimBatch()).stream()
                              .map(DueCheck::task)
                              .toList();
                      queue.publish(tasks);
                      return tasks.size();
                    }));
    int count = claimed == null ? 0 : claimed;
    if (count > 0) {
      scheduled.increment(count);
      watchOverflow(count);
      log.debug("Scheduled {} checks", count);
    } else {
      log.trace("Nothing due");
    }
    return claimer.due();
  }

  // At the cap, every new task trims an unread old one: no monitoring worker keeps up. Sampled,
  // and never failing the pass: a housekeeping read must not delay or undo scheduling.
  private void watchOverflow(int published) {
    long now = System.nanoTime();
    if (now - lastLengthCheck < LENGTH_CHECK_EVERY_NANOS) {
      return;
    }
    lastLengthCheck = now;
    try {
      if (queue.atCap()) {
        overflowed.increment(published);
      }
    } catch (DataAccessException e) {
      log.debug("Task stream length unavailable: {}", e.toString());
    }
  }
}

package io.upwatch.localworker.schedule;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.upwatch.common.CheckTask;
import io.upwatch.common.metrics.HistogramBuckets;
import io.upwatch.common.region.DeploymentRegions;
import io.upwatch.localworker.config.TaskQueues;
import io.upwatch.localworker.config.WorkerProperties;
import io.upwatch.localworker.region.LiveRegions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One scheduling pass: claim the checks of the next range of time and publish their tasks, one per
 * region each is checked from, inside one database transaction. A region without a live monitoring
 * worker gets no task (counted in {@code upwatch.schedule.tasks.skipped{region}}): its slot passes
 * unchecked there rather than wait in a queue no one reads. If publishing fails the claim rolls
 * back and the range is claimed again on the next pass; if the commit fails after publishing, the
 * same task ids are published again and the result store keeps one row per id and region.
 */
@Component
class CheckScheduler {

  private static final Logger log = LoggerFactory.getLogger(CheckScheduler.class);
  private static final long LENGTH_CHECK_EVERY_NANOS = 5_000_000_000L;

  private final DueUrlClaimer claimer;
  private final TaskQueues queues;
  private final DeploymentRegions regions;
  private final LiveRegions live;
  private final TransactionTemplate transaction;
  private final WorkerProperties properties;
  private final MeterRegistry registry;
  private final Counter scheduled;
  private final Counter overflowed;
  private final Timer passTime;

  private long lastLengthCheck;

  CheckScheduler(
      DueUrlClaimer claimer,
      TaskQueues queues,
      DeploymentRegions regions,
      LiveRegions live,
      TransactionTemplate transaction,
      WorkerProperties properties,
      MeterRegistry registry) {
    this.claimer = claimer;
    this.queues = queues;
    this.regions = regions;
    this.live = live;
    this.transaction = transaction;
    this.properties = properties;
    this.registry = registry;
    this.scheduled =
        Counter.builder("upwatch.schedule.tasks")
            .description("Check tasks published to the task streams, one per region of a check")
            .register(registry);
    this.overflowed =
        Counter.builder("upwatch.schedule.task.overflow")
            .description("Tasks published while their region's task stream was at its cap")
            .register(registry);
    this.passTime =
        Timer.builder("upwatch.schedule.pass")
            .description("Time of one scheduling pass: claiming due URLs and publishing tasks")
            .serviceLevelObjectives(
                HistogramBuckets.between(Duration.ofMillis(1), Duration.ofSeconds(5)))
            .register(registry);
    regions.regions().forEach(this::skipped);
  }

  /** Schedules what is due; true when more may be due right away. */
  boolean schedulePass() {
    if (!claimer.due()) {
      return false;
    }
    // Before the transaction: a presence read (at most once a second) holds no claimed rows.
    Set<String> liveNow = live.now();
    RegionalTasks tasks =
        passTime.record(
            () ->
                transaction.execute(
                    status -> {
                      RegionalTasks fanned =
                          RegionalTasks.of(
                              claimer.claim(properties.claimBatch()), regions, liveNow::contains);
                      fanned.publish().forEach((region, list) -> queues.of(region).publish(list));
                      return fanned;
                    }));
    if (tasks == null) {
      return false;
    }
    tasks.skipped().forEach((region, count) -> skipped(region).increment(count));
    int published = tasks.published();
    if (published > 0) {
      scheduled.increment(published);
      watchOverflow(tasks.publish());
      log.debug("Scheduled {} checks, skipped {} regions", published, tasks.skipped().keySet());
    } else if (tasks.skipped().isEmpty()) {
      log.trace("Nothing due");
    }
    return claimer.due();
  }

  private Counter skipped(String region) {
    return Counter.builder("upwatch.schedule.tasks.skipped")
        .description("Check tasks not published because their region had no live monitoring worker")
        .tag("region", region)
        .register(registry);
  }

  // At the cap, every new task trims an unread old one: no monitoring worker keeps up. Sampled,
  // and never failing the pass: a housekeeping read must not delay or undo scheduling.
  private void watchOverflow(Map<String, List<CheckTask>> published) {
    long now = System.nanoTime();
    if (now - lastLengthCheck < LENGTH_CHECK_EVERY_NANOS) {
      return;
    }
    lastLengthCheck = now;
    try {
      published.forEach(
          (region, tasks) -> {
            if (queues.of(region).atCap()) {
              overflowed.increment(tasks.size());
            }
          });
    } catch (DataAccessException e) {
      log.debug("Task stream length unavailable: {}", e.toString());
    }
  }
}

package io.upwatch.localworker.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.upwatch.common.region.DeploymentRegions;
import io.upwatch.localworker.config.TaskQueues;
import io.upwatch.localworker.config.WorkerProperties;
import io.upwatch.localworker.region.LiveRegions;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/** Schedulers as separate local workers run them, each with its own pace, for tests. */
final class Schedulers {

  private Schedulers() {}

  /** A new scheduler of the application's database, publishing to {@code queues}. */
  static CheckScheduler fresh(ApplicationContext context, TaskQueues queues) {
    WorkerProperties properties = context.getBean(WorkerProperties.class);
    return new CheckScheduler(
        new DueUrlClaimer(
            context.getBean(ScheduleCursor.class), context.getBean(DueSlots.class), properties),
        queues,
        context.getBean(DeploymentRegions.class),
        context.getBean(LiveRegions.class),
        context.getBean(TransactionTemplate.class),
        properties,
        new SimpleMeterRegistry());
  }

  /** Runs passes as the loop does until nothing more is due right away. */
  static void catchUp(CheckScheduler scheduler) {
    for (int passes = 0; scheduler.schedulePass(); passes++) {
      assertThat(passes).as("passes to catch up").isLessThan(1_000);
    }
  }
}

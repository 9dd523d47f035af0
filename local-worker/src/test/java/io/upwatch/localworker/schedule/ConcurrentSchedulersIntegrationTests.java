package io.upwatch.localworker.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.upwatch.common.CheckTask;
import io.upwatch.common.TaskId;
import io.upwatch.common.queue.QueuePartitions;
import io.upwatch.common.queue.StreamQueue;
import io.upwatch.common.queue.TaskQueue;
import io.upwatch.common.region.DeploymentRegions;
import io.upwatch.localworker.config.TaskQueues;
import io.upwatch.localworker.config.WorkerProperties;
import io.upwatch.localworker.support.Fixtures;
import io.upwatch.localworker.support.WorkerIntegrationTest;
import io.upwatch.schema.SlotGrid;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Several schedulers handing out time at once, as local workers do, one of them failing half its
 * passes before it publishes (as one that dies mid-pass): every slot of every URL in the time they
 * handed out is published exactly once.
 */
@WorkerIntegrationTest
class ConcurrentSchedulersIntegrationTests {

  static final int URLS = 3_000;
  static final int INTERVAL_SECONDS = 10;
  static final Duration RUN = Duration.ofSeconds(12);

  @Autowired WorkerProperties properties;
  @Autowired StringRedisTemplate redis;
  @Autowired QueuePartitions partitions;
  @Autowired DeploymentRegions regions;
  @Autowired Fixtures fixtures;
  @Autowired ApplicationContext context;

  @BeforeEach
  void reset() {
    fixtures.reset();
  }

  @Test
  void concurrentSchedulersHandOutEverySlotExactlyOnce() throws Exception {
    Duration interval = Duration.ofSeconds(INTERVAL_SECONDS);
    Map<Long, SlotGrid> grids = urlsSpreadOverOneInterval(interval);
    Instant start = Instant.now();
    fixtures.handedOutUntil(start);

    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger failedPasses = new AtomicInteger();
    List<Thread> schedulers = new ArrayList<>();
    for (int s = 0; s < 4; s++) {
      CheckScheduler scheduler = scheduler(s == 0 ? failingHalfTheTime() : queue());
      schedulers.add(Thread.ofPlatform().start(() -> loop(scheduler, running, failedPasses)));
    }
    Thread.sleep(RUN);
    running.set(false);
    for (Thread scheduler : schedulers) {
      scheduler.join();
    }
    Instant end = fixtures.handedOutUntil();

    List<TaskId> published = fixtures.tasks().stream().map(CheckTask::id).toList();
    Set<TaskId> expected = new HashSet<>();
    grids.forEach(
        (url, grid) -> {
          for (Instant slot = grid.firstAtOrAfter(start);
              slot.isBefore(end);
              slot = slot.plus(interval)) {
            expected.add(new TaskId(url, slot));
          }
        });
    assertThat(failedPasses.get()).as("passes that failed before publishing").isPositive();
    assertThat(Duration.between(start, end)).isGreaterThan(RUN.minusSeconds(3));
    assertThat(published).as("no slot twice").doesNotHaveDuplicates();
    Set<TaskId> lost = new HashSet<>(expected);
    published.forEach(lost::remove);
    Set<TaskId> unexpected = new HashSet<>(published);
    unexpected.removeAll(expected);
    assertThat(lost).as("slots lost of %d", expected.size()).isEmpty();
    assertThat(unexpected).as("slots outside the time handed out").isEmpty();
  }

  private Map<Long, SlotGrid> urlsSpreadOverOneInterval(Duration interval) {
    Map<Long, SlotGrid> grids = new HashMap<>();
    fixtures
        .jdbc()
        .sql(
            """
            INSERT INTO urls (user_id, name, url, threshold, interval_seconds, timeout_ms,
                              failure_window_seconds, phase_ms)
            SELECT (SELECT id FROM users), 'u' || n, 'http://127.0.0.1:9/' || n, 1, :seconds, 5000,
                   300, n * :seconds * 1000 / :urls
            FROM generate_series(0, :urls - 1) n
            RETURNING id, phase_ms
            """)
        .param("seconds", INTERVAL_SECONDS)
        .param("urls", URLS)
        .query(
            (rs, row) ->
                grids.put(rs.getLong("id"), new SlotGrid(interval, rs.getLong("phase_ms"))))
        .list();
    return grids;
  }

  // As the worker loop runs a pass: again at once while more is due, else after a short pause; a
  // failed pass is retried after a pause.
  private static void loop(CheckScheduler scheduler, AtomicBoolean running, AtomicInteger failed) {
    while (running.get()) {
      try {
        if (!scheduler.schedulePass()) {
          Thread.sleep(25);
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        failed.incrementAndGet();
      }
    }
  }

  private TaskQueues queue() {
    return new TaskQueues(redis, partitions, regions, properties.taskStreamMaxLength());
  }

  private TaskQueues failingHalfTheTime() {
    return new TaskQueues(redis, partitions, regions, properties.taskStreamMaxLength()) {
      @Override
      public TaskQueue of(String region) {
        return new TaskQueue(
            redis, partitions, region, properties.taskStreamMaxLength(), StreamQueue.UNCAPPED) {
          @Override
          public void publish(List<CheckTask> tasks) {
            if (!tasks.isEmpty() && ThreadLocalRandom.current().nextBoolean()) {
              throw new RedisConnectionFailureException("this scheduler died before publishing");
            }
            super.publish(tasks);
          }
        };
      }
    };
  }

  private CheckScheduler scheduler(TaskQueues queues) {
    return Schedulers.fresh(context, queues);
  }
}

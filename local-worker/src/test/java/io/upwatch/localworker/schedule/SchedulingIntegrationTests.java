package io.upwatch.localworker.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.upwatch.common.CheckTask;
import io.upwatch.common.Streams;
import io.upwatch.common.TaskId;
import io.upwatch.common.queue.QueuePartitions;
import io.upwatch.common.queue.StreamEntry;
import io.upwatch.common.region.DeploymentRegions;
import io.upwatch.localworker.config.TaskQueues;
import io.upwatch.localworker.config.WorkerProperties;
import io.upwatch.localworker.support.Fixtures;
import io.upwatch.localworker.support.WorkerIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One scheduler against the real PostgreSQL and Redis; several at once in {@link
 * ConcurrentSchedulersIntegrationTests}.
 */
@WorkerIntegrationTest
class SchedulingIntegrationTests {

  @Autowired ScheduleCursor cursor;
  @Autowired DueSlots slots;
  @Autowired TaskQueues queues;
  @Autowired QueuePartitions partitions;
  @Autowired DeploymentRegions regions;
  @Autowired TransactionTemplate transaction;
  @Autowired WorkerProperties properties;
  @Autowired StringRedisTemplate redis;
  @Autowired Fixtures fixtures;
  @Autowired ApplicationContext context;

  CheckScheduler scheduler;

  @BeforeEach
  void reset() {
    fixtures.reset();
    scheduler = scheduler(queues);
  }

  @Test
  void dueSlotIsHandedOutOnceAndTheUrlsRowIsNotWritten() {
    Instant slot = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
    long id = fixtures.url("site", 1, 60, slot);
    String rowVersion = rowVersion(id);

    Schedulers.catchUp(scheduler);
    Schedulers.catchUp(scheduler);

    List<CheckTask> tasks = fixtures.tasks();
    assertThat(tasks).extracting(CheckTask::id).containsExactly(new TaskId(id, slot));
    assertThat(tasks.getFirst().timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(rowVersion(id)).as("the row's xmin: never rewritten").isEqualTo(rowVersion);
    assertThat(fixtures.handedOutUntil()).isAfter(slot);
  }

  @Test
  void afterDowntimeOnlyTheLatestMissedSlotIsChecked() {
    // Slots every minute since three hours ago, the latest half a minute ago: far from the next.
    Instant latest = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
    fixtures.handedOutUntil(latest.minus(Duration.ofHours(3)));
    long id = fixtures.url("site", 1, 60, latest);

    Schedulers.catchUp(scheduler);

    assertThat(fixtures.tasks()).extracting(CheckTask::id).containsExactly(new TaskId(id, latest));
  }

  @Test
  void pausedHeartbeatAndNotYetDueUrlsAreNotHandedOut() {
    fixtures.handedOutUntil(Instant.now().minusSeconds(20));
    long paused = fixtures.url("paused", 1, 60, Instant.now().minusSeconds(1));
    fixtures.jdbc().sql("UPDATE urls SET enabled = false WHERE id = ?").param(paused).update();
    fixtures.heartbeat("backup", 60, 10, Instant.now().minusSeconds(1));
    // Its previous slot, 30 s ago, lies before the cursor: handed out already.
    fixtures.url("later", 1, 60, Instant.now().plusSeconds(30));

    Schedulers.catchUp(scheduler);

    assertThat(fixtures.tasks()).isEmpty();
  }

  @Test
  void slotIsHandedOutSoonAfterItsTimeAndNeverBefore() throws Exception {
    fixtures.handedOutUntil(Instant.now());
    Instant slot = Instant.now().plusMillis(400).truncatedTo(ChronoUnit.MILLIS);
    long id = fixtures.url("new", 1, 60, slot);

    Instant deadline = Instant.now().plusSeconds(5);
    while (fixtures.tasks().isEmpty() && Instant.now().isBefore(deadline)) {
      scheduler.schedulePass();
      Thread.sleep(properties.scheduleBucket().dividedBy(4));
    }

    var published =
        redis
            .opsForStream()
            .range(Streams.tasks(partitions.of(id), DeploymentRegions.DEFAULT), Range.unbounded());
    assertThat(published).hasSize(1);
    var entry = published.getFirst();
    assertThat(CheckTask.fromFields(StreamEntry.fieldsOf(entry)).id())
        .isEqualTo(new TaskId(id, slot));
    Instant publishedAt = Instant.ofEpochMilli(entry.getId().getTimestamp());
    assertThat(publishedAt).isAfterOrEqualTo(slot);
    // A bucket and the pass cadence, with room for a slow machine.
    assertThat(publishedAt).isBefore(slot.plus(properties.scheduleBucket()).plusSeconds(1));
  }

  @Test
  void failedPublishRollsTheRangeBackSoTheSlotIsNotLost() {
    Instant slot = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
    long id = fixtures.url("site", 1, 60, slot);
    Instant cursorBefore = fixtures.handedOutUntil();
    var deadRedis = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1));
    deadRedis.afterPropertiesSet();
    var unreachable =
        scheduler(
            new TaskQueues(
                new StringRedisTemplate(deadRedis),
                partitions,
                regions,
                properties.taskStreamMaxLength()));
    try {
      assertThatThrownBy(() -> Schedulers.catchUp(unreachable))
          .isInstanceOf(RuntimeException.class);
    } finally {
      deadRedis.destroy();
    }
    assertThat(fixtures.handedOutUntil())
        .as("empty ranges before it may be handed out, not the slot's")
        .isBetween(cursorBefore, slot);

    Schedulers.catchUp(scheduler);

    assertThat(fixtures.tasks()).extracting(CheckTask::id).containsExactly(new TaskId(id, slot));
  }

  @Test
  void schedulerThatStopsTalkingToPostgresqlLosesTheLeaseAfterItsTimeout() throws Exception {
    Instant slot = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
    long id = fixtures.url("site", 1, 60, slot);
    CountDownLatch leased = new CountDownLatch(1);
    Thread frozen =
        Thread.ofPlatform().start(() -> freezeHoldingTheLease(Duration.ofSeconds(1), leased));
    try {
      assertThat(leased.await(5, TimeUnit.SECONDS)).as("the frozen scheduler leased").isTrue();
      Schedulers.catchUp(scheduler);
      assertThat(fixtures.tasks()).as("while the frozen scheduler holds the lease").isEmpty();

      Instant deadline = Instant.now().plusSeconds(10);
      while (fixtures.tasks().isEmpty() && Instant.now().isBefore(deadline)) {
        Thread.sleep(100);
        Schedulers.catchUp(scheduler);
      }

      assertThat(fixtures.tasks()).extracting(CheckTask::id).containsExactly(new TaskId(id, slot));
    } finally {
      frozen.interrupt();
      frozen.join();
    }
  }

  @Test
  void rangeAcrossTheEndOfAnIntervalReadsTheSlotsOnBothSides() {
    long ten = 10_000;
    Instant period = Instant.ofEpochMilli((Instant.now().toEpochMilli() / ten - 6) * ten);
    Instant from = period.plusMillis(9_000);
    Instant until = period.plusMillis(11_000);
    long[] ids = new long[6];
    long[] phases = {8_999, 9_000, 9_999, 0, 999, 1_000};
    for (int i = 0; i < phases.length; i++) {
      ids[i] = fixtures.url("p" + phases[i], 1, 10, Instant.ofEpochMilli(phases[i]));
    }
    long minutely = fixtures.url("minutely", 1, 60, period.plusMillis(9_500));
    fixtures.url("minutely-before", 1, 60, period.plusMillis(8_000));

    List<TaskId> read =
        slots.inRange(from, until, until).stream().map(due -> due.task().id()).toList();

    assertThat(read)
        .containsExactly(
            new TaskId(ids[1], period.plusMillis(9_000)),
            new TaskId(minutely, period.plusMillis(9_500)),
            new TaskId(ids[2], period.plusMillis(9_999)),
            new TaskId(ids[3], period.plusMillis(10_000)),
            new TaskId(ids[4], period.plusMillis(10_999)));
  }

  @Test
  void slotsMoreThanOneIntervalOldAreSkipped() {
    Instant due = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    long tenSeconds = fixtures.url("ten", 1, 10, due.minusSeconds(3));
    long minutely = fixtures.url("sixty", 1, 60, due.minusSeconds(45));

    List<DueCheck> read = slots.inRange(due.minusSeconds(300), due, due);

    assertThat(read)
        .extracting(d -> d.task().id())
        .containsExactly(
            new TaskId(minutely, due.minusSeconds(45)),
            new TaskId(tenSeconds, due.minusSeconds(3)));
  }

  private CheckScheduler scheduler(TaskQueues queues) {
    return Schedulers.fresh(context, queues);
  }

  private String rowVersion(long id) {
    return fixtures
        .jdbc()
        .sql("SELECT xmin::text FROM urls WHERE id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  // Leases the cursor and then says nothing more to PostgreSQL, until interrupted.
  private void freezeHoldingTheLease(Duration timeout, CountDownLatch leased) {
    try {
      transaction.executeWithoutResult(
          status -> {
            try {
              while (cursor.lease(timeout).isEmpty()) {
                Thread.sleep(10);
              }
              leased.countDown();
              Thread.sleep(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
    } catch (RuntimeException expected) {
      // PostgreSQL ended the session: the commit cannot reach it.
    }
  }
}

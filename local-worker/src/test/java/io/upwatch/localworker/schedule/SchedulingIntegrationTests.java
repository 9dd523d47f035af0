package io.upwatch.localworker.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.upwatch.common.CheckTask;
import io.upwatch.common.queue.QueuePartitions;
import io.upwatch.common.region.DeploymentRegions;
import io.upwatch.localworker.config.TaskQueues;
import io.upwatch.localworker.config.WorkerProperties;
import io.upwatch.localworker.region.LiveRegions;
import io.upwatch.localworker.support.Fixtures;
import io.upwatch.localworker.support.WorkerIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@WorkerIntegrationTest
class SchedulingIntegrationTests {

  @Autowired CheckScheduler scheduler;
  @Autowired DueUrlClaimer claimer;
  @Autowired TransactionTemplate transaction;
  @Autowired WorkerProperties properties;
  @Autowired Fixtures fixtures;
  @Autowired QueuePartitions partitions;
  @Autowired DeploymentRegions regions;
  @Autowired LiveRegions live;

  @BeforeEach
  void reset() {
    fixtures.reset();
  }

  @Test
  void dueUrlIsScheduledOncePerSlotAndItsCursorMovesOneInterval() {
    Instant due = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
    long id = fixtures.url("site", 1, 60, due);

    scheduler.schedulePass();
    scheduler.schedulePass();

    List<CheckTask> tasks = fixtures.tasks();
    assertThat(tasks).hasSize(1);
    assertThat(tasks.getFirst().id().urlId()).isEqualTo(id);
    assertThat(tasks.getFirst().id().slot()).isEqualTo(due);
    assertThat(tasks.getFirst().timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(nextCheckAt(id)).isEqualTo(due.plusSeconds(60));
  }

  @Test
  void afterDowntimeOnlyTheLatestMissedSlotIsChecked() {
    Instant longAgo = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
    long id = fixtures.url("site", 1, 60, longAgo);

    scheduler.schedulePass();
    scheduler.schedulePass();

    List<CheckTask> tasks = fixtures.tasks();
    assertThat(tasks).hasSize(1);
    Instant slot = tasks.getFirst().id().slot();
    assertThat(Duration.between(longAgo, slot).toSeconds() % 60).isZero();
    assertThat(slot).isBetween(Instant.now().minusSeconds(61), Instant.now());
    assertThat(nextCheckAt(id)).isEqualTo(slot.plusSeconds(60)).isAfter(Instant.now());
  }

  @Test
  void claimLeavesTheRowVersionAlone() {
    // The API's optimistic lock orders API writes among themselves; were a claim to bump the
    // version, every API write that loaded the row before a claim would fail.
    long id = fixtures.url("site", 1, 60, Instant.now().minusSeconds(5));
    long before = version(id);

    scheduler.schedulePass();

    assertThat(fixtures.tasks()).hasSize(1);
    assertThat(version(id)).isEqualTo(before);
  }

  @Test
  void pausedAndFutureUrlsAreNotScheduled() {
    long paused = fixtures.url("paused", 1, 60, Instant.now().minusSeconds(1));
    fixtures.jdbc().sql("UPDATE urls SET enabled = false WHERE id = ?").param(paused).update();
    fixtures.url("later", 1, 60, Instant.now().plusSeconds(30));

    scheduler.schedulePass();

    assertThat(fixtures.tasks()).isEmpty();
  }

  @Test
  void concurrentSchedulersNeverHandOutASlotTwice() throws Exception {
    Instant due = Instant.now().minusSeconds(1);
    for (int i = 0; i < 3000; i++) {
      fixtures.url("u" + i, 1, 60, due);
    }
    List<Callable<Integer>> schedulers = new ArrayList<>();
    List<CheckTask> claimed = Collections.synchronizedList(new ArrayList<>());
    for (int s = 0; s < 4; s++) {
      schedulers.add(
          () -> {
            int total = 0;
            List<CheckTask> batch;
            do {
              batch =
                  transaction.execute(
                      status -> claimer.claim(100).stream().map(DueCheck::task).toList());
              claimed.addAll(batch);
              total += batch.size();
            } while (!batch.isEmpty());
            return total;
          });
    }
    try (var pool = Executors.newFixedThreadPool(4)) {
      for (var result : pool.invokeAll(schedulers)) {
        result.get();
      }
    }

    assertThat(claimed).hasSize(3000);
    assertThat(claimed.stream().map(CheckTask::id).distinct()).hasSize(3000);
  }

  @Test
  void failedPublishRollsTheClaimBackSoTheSlotIsNotLost() {
    Instant due = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
    long id = fixtures.url("site", 1, 60, due);
    var deadRedis = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1));
    deadRedis.afterPropertiesSet();
    // The region is live (the presence is read on the test's Redis); only publishing fails.
    var unreachable =
        new CheckScheduler(
            claimer,
            new TaskQueues(
                new StringRedisTemplate(deadRedis),
                partitions,
                regions,
                properties.taskStreamMaxLength()),
            regions,
            live,
            transaction,
            properties,
            new SimpleMeterRegistry());
    try {
      assertThatThrownBy(unreachable::schedulePass).isInstanceOf(RuntimeException.class);
    } finally {
      deadRedis.destroy();
    }
    assertThat(nextCheckAt(id)).isEqualTo(due);

    scheduler.schedulePass();

    assertThat(fixtures.tasks()).extracting(t -> t.id().slot()).containsExactly(due);
  }

  private long version(long id) {
    return fixtures
        .jdbc()
        .sql("SELECT version FROM urls WHERE id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }

  private Instant nextCheckAt(long id) {
    return fixtures
        .jdbc()
        .sql("SELECT next_check_at FROM urls WHERE id = ?")
        .param(id)
        .query(java.sql.Timestamp.class)
        .single()
        .toInstant();
  }
}

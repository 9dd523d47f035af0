package io.upwatch.localworker.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.upwatch.common.CheckResult;
import io.upwatch.common.FailureKind;
import io.upwatch.common.TaskId;
import io.upwatch.common.queue.ResultQueue;
import io.upwatch.localworker.support.Fixtures;
import io.upwatch.localworker.support.WorkerIntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;

@WorkerIntegrationTest
class MissedPingIntegrationTests {

  @Autowired MissedPingPass pass;
  @Autowired Fixtures fixtures;
  @Autowired ApplicationContext context;

  @BeforeEach
  void reset() {
    fixtures.reset();
  }

  @AfterEach
  void stopIngestion() {
    ingestion().stop();
    context.getBean("schedulingLoop", SmartLifecycle.class).stop();
  }

  @Test
  void heartbeatIsNeverHandedOutAsAProbeTask() {
    fixtures.heartbeat("backup", 10, 5, Instant.now().minusSeconds(60));
    long site = fixtures.url("site", 1, 60, Instant.now().minusSeconds(1));

    context.getBean("schedulingLoop", SmartLifecycle.class).start();

    await().atMost(Duration.ofSeconds(5)).until(() -> !fixtures.tasks().isEmpty());
    assertThat(fixtures.tasks()).extracting(t -> t.id().urlId()).containsOnly(site);
  }

  @Test
  void pingBeforeTheDeadlineMovesItAndPublishesNothing() {
    Instant deadline = Instant.now().minusSeconds(6).truncatedTo(ChronoUnit.MILLIS);
    long beat = fixtures.heartbeat("backup", 10, 5, deadline);
    Instant ping = deadline.minusSeconds(3);
    storePing(beat, ping);

    pass.judgePass();

    assertThat(fixtures.results()).isEmpty();
    assertThat(deadline(beat)).isEqualTo(ping.plusSeconds(15));
  }

  @Test
  void cronJobThatStopsPingingAlertsAfterPeriodPlusGraceAndResolvesOnTheNextPing() {
    Instant lastPing = Instant.now().minusSeconds(21).truncatedTo(ChronoUnit.MILLIS);
    long beat = fixtures.heartbeat("backup", 10, 5, lastPing.plusSeconds(15));
    storePing(beat, lastPing);
    ingestion().start();

    pass.judgePass();

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> fixtures.count("SELECT count(*) FROM alerts WHERE url_id = ?", beat) == 1);
    assertThat(
            fixtures.count(
                "SELECT count(*) FROM checks WHERE url_id = ? AND failure_kind = 'NO_PING'"
                    + " AND slot = ?",
                beat,
                Timestamp.from(lastPing.plusSeconds(15))))
        .isEqualTo(1);

    Instant ping = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    fixtures.publish(Fixtures.ping(beat, ping));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                fixtures.count(
                        "SELECT count(*) FROM alerts WHERE url_id = ? AND resolved_slot = ?",
                        beat,
                        Timestamp.from(ping))
                    == 1);
  }

  @Test
  void concurrentPassesJudgeEveryMissedPeriodExactlyOnce() throws Exception {
    Instant deadline = Instant.now().minusSeconds(25).truncatedTo(ChronoUnit.MILLIS);
    List<Long> beats = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      beats.add(fixtures.heartbeat("job" + i, 10, 5, deadline));
    }

    try (var executor = Executors.newFixedThreadPool(2)) {
      List<Callable<Boolean>> passes = List.of(pass::judgePass, pass::judgePass);
      for (var done : executor.invokeAll(passes)) {
        done.get();
      }
    }
    pass.judgePass();

    // deadline, +10 s and +20 s have passed; +30 s is still 5 s ahead.
    List<TaskId> ids = fixtures.results().stream().map(CheckResult::id).toList();
    assertThat(ids).hasSize(beats.size() * 3).doesNotHaveDuplicates();
    assertThat(fixtures.results()).allMatch(r -> r.failureKind() == FailureKind.NO_PING);
    for (long beat : beats) {
      assertThat(deadline(beat)).isEqualTo(deadline.plusSeconds(30));
    }
  }

  @Test
  void deadlineJustPassedIsJudgedAtOnceWhenNoPingIsInFlight() {
    context.getBean(ResultQueue.class).ensureGroup();
    Instant deadline = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
    long beat = fixtures.heartbeat("backup", 10, 5, deadline);

    pass.judgePass();

    assertThat(fixtures.results())
        .extracting(CheckResult::id)
        .containsExactly(new TaskId(beat, deadline));
  }

  @Test
  void pingStillOnTheResultStreamHoldsItsDeadlineBack() throws Exception {
    context.getBean(ResultQueue.class).ensureGroup();
    Instant arrived = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    fixtures.publish(Fixtures.ping(2, arrived));
    long beat = fixtures.heartbeat("backup", 10, 5, arrived.plusMillis(300));
    // Longer than the settle margin: only the ping on the stream holds the judging back.
    Thread.sleep(2_500);

    pass.judgePass();

    assertThat(fixtures.results()).extracting(r -> r.id().urlId()).doesNotContain(beat);
    assertThat(deadline(beat)).isEqualTo(arrived.plusMillis(300));
  }

  @Test
  void pausedHeartbeatIsNotJudged() {
    long beat = fixtures.heartbeat("backup", 10, 5, Instant.now().minusSeconds(60));
    fixtures.jdbc().sql("UPDATE urls SET enabled = false WHERE id = ?").param(beat).update();

    pass.judgePass();

    assertThat(fixtures.results()).isEmpty();
  }

  private void storePing(long beat, Instant slot) {
    fixtures
        .jdbc()
        .sql(
            "INSERT INTO checks (url_id, slot, started_at, latency_ms, success)"
                + " VALUES (?, ?, ?, 0, true)")
        .params(beat, Timestamp.from(slot), Timestamp.from(slot))
        .update();
  }

  private Instant deadline(long beat) {
    return fixtures
        .jdbc()
        .sql("SELECT next_check_at FROM urls WHERE id = ?")
        .param(beat)
        .query(Timestamp.class)
        .single()
        .toInstant();
  }

  private SmartLifecycle ingestion() {
    return context.getBean("ingestionLoops", SmartLifecycle.class);
  }
}

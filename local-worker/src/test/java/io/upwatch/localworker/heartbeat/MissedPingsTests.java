package io.upwatch.localworker.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import io.upwatch.common.CheckResult;
import io.upwatch.common.FailureKind;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MissedPingsTests {

  private static final Instant T = Instant.parse("2026-11-26T12:00:00Z");
  private static final Duration PERIOD = Duration.ofSeconds(10);
  private static final Duration GRACE = Duration.ofSeconds(5);
  private static final Duration WINDOW = Duration.ofSeconds(60);

  @Test
  void pingWithinPeriodAndGraceMovesTheDeadlineWithoutAFailure() {
    var beat = new DueHeartbeat(1, T, PERIOD, GRACE, WINDOW, T.minusSeconds(3));

    var verdict = MissedPings.judge(beat, T.plusSeconds(1));

    assertThat(verdict.missed()).isEmpty();
    assertThat(verdict.nextDeadline()).isEqualTo(T.minusSeconds(3).plus(PERIOD).plus(GRACE));
  }

  @Test
  void silenceUntilTheDeadlineIsOneNoPingFailureAtTheDeadline() {
    var beat = new DueHeartbeat(1, T, PERIOD, GRACE, WINDOW, null);

    var verdict = MissedPings.judge(beat, T.plusSeconds(1));

    assertThat(verdict.missed())
        .singleElement()
        .satisfies(
            result -> {
              assertThat(result.id().slot()).isEqualTo(T);
              assertThat(result.failureKind()).isEqualTo(FailureKind.NO_PING);
              assertThat(result.message()).contains("10 s period and 5 s grace");
            });
    assertThat(verdict.nextDeadline()).isEqualTo(T.plus(PERIOD));
  }

  @Test
  void eachFurtherSilentPeriodIsOneMoreFailureAPeriodApart() {
    var beat = new DueHeartbeat(1, T, PERIOD, GRACE, WINDOW, null);

    var verdict = MissedPings.judge(beat, T.plusSeconds(25));

    assertThat(verdict.missed())
        .extracting(r -> r.id().slot())
        .containsExactly(T, T.plusSeconds(10), T.plusSeconds(20));
    assertThat(verdict.nextDeadline()).isEqualTo(T.plusSeconds(30));
  }

  @Test
  void latePingIsJudgedFromItsOwnTimeNotFromTheOldDeadline() {
    // The ping came 2 s after the deadline; its next deadline is period + grace after it.
    Instant ping = T.plusSeconds(2);
    var beat = new DueHeartbeat(1, T, PERIOD, GRACE, WINDOW, ping);

    assertThat(MissedPings.judge(beat, T.plusSeconds(4)).missed()).isEmpty();
    var later = MissedPings.judge(beat, ping.plusSeconds(15));
    assertThat(later.missed()).extracting(r -> r.id().slot()).containsExactly(ping.plusSeconds(15));
  }

  @Test
  void afterALongOutageOnlyTheMissedPeriodsOfOneWindowAreWritten() {
    var beat = new DueHeartbeat(1, T, PERIOD, GRACE, WINDOW, null);

    var verdict = MissedPings.judge(beat, T.plus(Duration.ofHours(6)));

    // 60 s window / 10 s period = 6 checks fit in the window, plus one.
    assertThat(verdict.missed()).hasSize(7);
    assertThat(verdict.missed().getLast().id().slot()).isEqualTo(T.plus(Duration.ofHours(6)));
    assertThat(verdict.nextDeadline()).isEqualTo(T.plus(Duration.ofHours(6)).plus(PERIOD));
    assertThat(verdict.missed()).noneMatch(CheckResult::success);
  }
}

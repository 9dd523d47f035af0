package io.upwatch.localworker.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryScheduleTests {

  private final RetrySchedule schedule =
      new RetrySchedule(Duration.ofSeconds(2), Duration.ofMinutes(10), Duration.ofHours(24));
  private final Instant created = Instant.parse("2026-11-23T10:00:00Z");

  @Test
  void delayDoublesFromTheInitialDelayUpToTheCeiling() {
    assertThat(schedule.delayAfter(1)).isEqualTo(Duration.ofSeconds(2));
    assertThat(schedule.delayAfter(2)).isEqualTo(Duration.ofSeconds(4));
    assertThat(schedule.delayAfter(5)).isEqualTo(Duration.ofSeconds(32));
    assertThat(schedule.delayAfter(9)).isEqualTo(Duration.ofSeconds(512));
    assertThat(schedule.delayAfter(10)).isEqualTo(Duration.ofMinutes(10));
    assertThat(schedule.delayAfter(1_000)).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void nextAttemptIsWithinTwentyPercentJitterBelowTheDelay() {
    Instant now = created.plusSeconds(60);
    for (int i = 0; i < 100; i++) {
      Instant next = schedule.nextAttempt(3, created, now);
      assertThat(next).isBetween(now.plusMillis(6_400), now.plusSeconds(8));
    }
  }

  @Test
  void givesUpOnceTheNextAttemptWouldFallAfterTheGiveUpTime() {
    Instant lastHour = created.plus(Duration.ofHours(23)).plus(Duration.ofMinutes(55));

    assertThat(schedule.nextAttempt(50, created, lastHour)).isNull();
    assertThat(schedule.nextAttempt(1, created, lastHour)).isNotNull();
  }
}

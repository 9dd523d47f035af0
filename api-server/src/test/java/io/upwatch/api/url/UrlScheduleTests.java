package io.upwatch.api.url;

import static org.assertj.core.api.Assertions.assertThat;

import io.upwatch.schema.SlotGrid;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UrlScheduleTests {

  static final Duration MINUTE = Duration.ofSeconds(60);
  static final Instant NOW = Instant.parse("2026-11-27T10:00:30Z");
  // Slots at hh:mm:10 each minute: the last one 20 s ago, the next one 40 s ahead.
  static final Instant LAST = Instant.parse("2026-11-27T10:00:10Z");
  static final UrlSchedule RUNNING = new UrlSchedule(SlotGrid.through(LAST, MINUTE), true, null);

  @Test
  void newUrlIsFirstCheckedOneLeadFromNow() {
    UrlSchedule first = UrlSchedule.first(MINUTE, NOW);

    assertThat(next(first, NOW)).isEqualTo(NOW.plus(UrlSchedule.LEAD));
    assertThat(first.enabled()).isTrue();
  }

  @Test
  void unchangedIntervalOfARunningUrlKeepsItsGrid() {
    assertThat(RUNNING.changedTo(MINUTE, true, NOW)).isEqualTo(RUNNING);
  }

  @Test
  void longerIntervalPutsTheNextSlotOneNewIntervalAfterTheLastOne() {
    UrlSchedule changed = RUNNING.changedTo(Duration.ofSeconds(300), true, NOW);

    assertThat(next(changed, NOW)).isEqualTo(LAST.plusSeconds(300));
  }

  @Test
  void shorterIntervalWhoseNextSlotHasPassedIsDueOneLeadFromNow() {
    UrlSchedule changed = RUNNING.changedTo(Duration.ofSeconds(10), true, NOW);

    assertThat(next(changed, NOW)).isEqualTo(NOW.plus(UrlSchedule.LEAD));
  }

  @Test
  void aSlotWithinTheLeadMayBeHandedOutSoTheNewIntervalCountsFromIt() {
    Instant slot = LAST.plus(MINUTE);
    Instant justBefore = slot.minusMillis(300);

    UrlSchedule changed = RUNNING.changedTo(Duration.ofSeconds(30), true, justBefore);

    assertThat(next(changed, justBefore)).isEqualTo(slot);
    assertThat(next(changed, slot.plusMillis(1))).isEqualTo(slot.plusSeconds(30));
  }

  @Test
  void pauseKeepsTheGridAndRecordsWhen() {
    UrlSchedule paused = RUNNING.changedTo(MINUTE, false, NOW);

    assertThat(paused.grid()).isEqualTo(RUNNING.grid());
    assertThat(paused.enabled()).isFalse();
    assertThat(paused.pausedAt()).isEqualTo(NOW);
  }

  @Test
  void resumeBeforeASlotWasSkippedKeepsTheGrid() {
    UrlSchedule paused = RUNNING.changedTo(MINUTE, false, NOW);
    Instant later = NOW.plusSeconds(30);

    UrlSchedule resumed = paused.changedTo(MINUTE, true, later);

    assertThat(resumed).isEqualTo(RUNNING);
  }

  @Test
  void resumeAfterAPauseThatSkippedASlotIsDueOneLeadFromNow() {
    UrlSchedule paused = RUNNING.changedTo(MINUTE, false, NOW);
    Instant later = NOW.plus(Duration.ofHours(2)).plusMillis(123);

    UrlSchedule resumed = paused.changedTo(MINUTE, true, later);

    assertThat(next(resumed, later)).isEqualTo(later.plus(UrlSchedule.LEAD));
    assertThat(resumed.pausedAt()).isNull();
  }

  @Test
  void intervalChangedWhilePausedCountsFromTheLastSlotBeforeThePause() {
    UrlSchedule paused =
        RUNNING.changedTo(MINUTE, false, NOW).changedTo(Duration.ofSeconds(600), false, NOW);
    Instant later = NOW.plusSeconds(120);

    UrlSchedule resumed = paused.changedTo(Duration.ofSeconds(600), true, later);

    assertThat(next(resumed, later)).isEqualTo(LAST.plusSeconds(600));
  }

  @Test
  void pausedUrlWithNoRecordedPauseIsTakenAsPausedAtTheWrite() {
    UrlSchedule legacy = new UrlSchedule(RUNNING.grid(), false, null);

    UrlSchedule resumed = legacy.changedTo(MINUTE, true, NOW);

    assertThat(next(resumed, NOW)).isEqualTo(LAST.plus(MINUTE));
  }

  private static Instant next(UrlSchedule schedule, Instant now) {
    return schedule.grid().firstAtOrAfter(now);
  }
}

package io.upwatch.localworker.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SchedulePaceTests {

  static final Duration BUCKET = Duration.ofMillis(100);
  static final Instant NOW = Instant.parse("2026-11-27T10:00:00.250Z");
  static final Instant DUE_UNTIL = Instant.parse("2026-11-27T10:00:00.200Z");

  final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  final SchedulePace pace = new SchedulePace(BUCKET, nanos::get);

  @Test
  void timeIsHandedOutInWholeBucketsUpToNow() {
    assertThat(pace.dueUntil(NOW)).isEqualTo(DUE_UNTIL);
    assertThat(pace.dueUntil(DUE_UNTIL)).isEqualTo(DUE_UNTIL);
  }

  @Test
  void afterHandingOutTheLastBucketTheNextPassIsDueWhenTheNextBucketEnds() {
    assertThat(pace.due()).isTrue();
    long leasedAt = pace.ticks();
    var range = pace.range(DUE_UNTIL.minus(BUCKET), DUE_UNTIL);
    assertThat(range).isEqualTo(new SchedulePace.Range(DUE_UNTIL.minus(BUCKET), DUE_UNTIL));

    pace.passed(range, DUE_UNTIL, 10, 2000, NOW, leasedAt);

    nanos.addAndGet(Duration.ofMillis(49).toNanos());
    assertThat(pace.due()).isFalse();
    nanos.addAndGet(Duration.ofMillis(1).toNanos());
    assertThat(pace.due()).as("at 10:00:00.300, when the bucket after DUE_UNTIL ends").isTrue();
  }

  @Test
  void behindItHandsOutAStepAtATimeAndIsDueAgainAtOnce() {
    Instant from = DUE_UNTIL.minusSeconds(30);

    var range = pace.range(from, DUE_UNTIL);
    pace.passed(range, DUE_UNTIL, 5, 2000, NOW, pace.ticks());

    assertThat(range).isEqualTo(new SchedulePace.Range(from, from.plus(BUCKET)));
    assertThat(pace.due()).isTrue();
  }

  @Test
  void stepDoublesWhilePassesFindLittleAndHalvesWhenOneFindsTooMuch() {
    Instant from = DUE_UNTIL.minus(Duration.ofHours(1));
    for (int pass = 0; pass < 4; pass++) {
      var range = pace.range(from, DUE_UNTIL);
      pace.passed(range, DUE_UNTIL, 0, 2000, NOW, pace.ticks());
      from = range.until();
    }
    assertThat(stepAt(from)).isEqualTo(BUCKET.multipliedBy(16));

    var crowded = pace.range(from, DUE_UNTIL);
    pace.passed(crowded, DUE_UNTIL, 5000, 2000, NOW, pace.ticks());

    assertThat(stepAt(crowded.until())).isEqualTo(BUCKET.multipliedBy(8));
  }

  @Test
  void nothingOlderThanTheLongestIntervalIsRead() {
    var range = pace.range(DUE_UNTIL.minus(Duration.ofDays(30)), DUE_UNTIL);

    assertThat(range.from()).isEqualTo(DUE_UNTIL.minus(SchedulePace.LONGEST_INTERVAL));
  }

  @Test
  void whenAnotherSchedulerHoldsTheLeaseTheNextTryIsABucketLater() {
    pace.leasedElsewhere();

    assertThat(pace.due()).isFalse();
    nanos.addAndGet(BUCKET.toNanos());
    assertThat(pace.due()).isTrue();
  }

  private Duration stepAt(Instant from) {
    var range = pace.range(from, DUE_UNTIL);
    return Duration.between(range.from(), range.until());
  }
}

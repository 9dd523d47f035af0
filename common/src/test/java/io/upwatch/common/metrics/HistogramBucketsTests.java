package io.upwatch.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HistogramBucketsTests {

  @Test
  void boundsFollowTheLadderWithinTheRange() {
    assertThat(HistogramBuckets.between(2, 500)).containsExactly(2.5, 5, 10, 25, 50, 100, 250, 500);
  }

  @Test
  void durationBoundsAreExactMilliseconds() {
    assertThat(HistogramBuckets.between(Duration.ofMillis(250), Duration.ofSeconds(5)))
        .containsExactly(
            Duration.ofMillis(250),
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofMillis(2500),
            Duration.ofSeconds(5));
  }

  @Test
  void anEmptyOrNegativeRangeIsRefused() {
    assertThatThrownBy(() -> HistogramBuckets.between(10, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HistogramBuckets.between(0, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

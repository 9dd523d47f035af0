package io.upwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RampPlanTests {

  @Test
  void theDefaultRampOffersOneToTenThousandChecksASecondInStepsOfAThousand() {
    RampPlan plan = RampPlan.from(Map.of(), 10);

    assertThat(plan.rates()).hasSize(10).startsWith(1000, 2000).endsWith(10_000);
    assertThat(plan.urlsFor(3000)).isEqualTo(30_000);
    assertThat(plan.warmUpSeconds()).isEqualTo(20);
    assertThat(plan.holdSeconds()).isEqualTo(40);
    // First warm-up, ten holds, nine warm-ups between them and the last step's settling.
    assertThat(plan.longestSeconds()).isEqualTo(60 + 10 * 40 + 9 * 20 + 20);
  }

  @Test
  void theOlderFixedRateKnobsMakeOneStep() {
    RampPlan plan = RampPlan.from(Map.of("BENCH_URLS", "30000", "BENCH_SECONDS", "120"), 10);

    assertThat(plan.rates()).containsExactly(3000);
    assertThat(plan.holdSeconds()).isEqualTo(120);
  }

  @Test
  void theLastStepIsTheHighestRateNotAboveTheMaximum() {
    RampPlan plan =
        RampPlan.from(
            Map.of("BENCH_RAMP_START", "2000", "BENCH_RAMP_STEP", "1500", "BENCH_RAMP_MAX", "6000"),
            10);

    assertThat(plan.rates()).containsExactly(2000, 3500, 5000);
  }

  @Test
  void aHoldShorterThanOneIntervalIsRefused() {
    assertThatThrownBy(() -> RampPlan.from(Map.of("BENCH_STEP_SECONDS", "5"), 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one interval");
  }

  @Test
  void aKnobThatIsNotANumberIsNamed() {
    assertThatThrownBy(() -> RampPlan.from(Map.of("BENCH_RAMP_MAX", "lots"), 10))
        .hasMessage("BENCH_RAMP_MAX must be a whole number, not 'lots'");
  }
}

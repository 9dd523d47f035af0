package io.upwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RampJudgementTests {

  private static StepFigures step(int offered, long expected, long stored, double lagP99Ms) {
    return new StepFigures(offered, expected, stored, lagP99Ms / 3, lagP99Ms, lagP99Ms * 1.2);
  }

  private static StepFigures good(int offered) {
    return step(offered, offered * 40L, offered * 40L, 400);
  }

  @Test
  void aStepWithLagP99UnderASecondAndEverySlotStoredIsSustained() {
    assertThat(RampJudgement.shortfall(step(3000, 120_000, 120_000, 999))).isEmpty();
  }

  @Test
  void aLagP99OfOneSecondOrMoreIsNotSustained() {
    assertThat(RampJudgement.shortfall(step(3000, 120_000, 120_000, 1000)))
        .hasValue("schedule lag p99 1000 ms");
    assertThat(RampJudgement.sustained(step(3000, 120_000, 120_000, 10_600))).isFalse();
  }

  @Test
  void oneLostSlotIsNotSustainedEvenWithALowLag() {
    assertThat(RampJudgement.shortfall(step(3000, 120_000, 119_999, 100)))
        .hasValue("1 of 120000 slots lost or not stored in time");
  }

  @Test
  void moreChecksThanSlotsIsAMiscountNotASuccess() {
    assertThat(RampJudgement.shortfall(step(3000, 120_000, 120_001, 100)))
        .hasValueSatisfying(why -> assertThat(why).contains("expected grid is wrong"));
  }

  @Test
  void aStepThatStoredNothingIsNotSustained() {
    assertThat(RampJudgement.shortfall(step(3000, 0, 0, 0))).hasValue("no check stored");
  }

  @Test
  void aLagThatCouldNotBeMeasuredIsNotSustained() {
    assertThat(RampJudgement.sustained(step(3000, 100, 100, Double.NaN))).isFalse();
  }

  @Test
  void capacityIsTheLastSustainedRateBeforeTheFirstStepThatWasNot() {
    List<StepFigures> steps =
        List.of(good(1000), good(2000), step(3000, 120_000, 120_000, 1551), good(4000));

    assertThat(RampJudgement.capacity(steps)).isEqualTo(2000);
    assertThat(RampJudgement.capacityStep(steps)).isEqualTo(1);
  }

  @Test
  void capacityIsZeroWhenTheFirstStepIsNotSustainedAndItsFiguresDescribeIt() {
    List<StepFigures> steps = List.of(step(1000, 40_000, 39_000, 200));

    assertThat(RampJudgement.capacity(steps)).isZero();
    assertThat(RampJudgement.capacityStep(steps)).isZero();
  }

  @Test
  void capacityIsTheTopRateWhenEveryStepWasSustained() {
    List<StepFigures> steps = List.of(good(1000), good(2000), good(3000));

    assertThat(RampJudgement.capacity(steps)).isEqualTo(3000);
    assertThat(RampJudgement.capacityStep(steps)).isEqualTo(2);
  }
}

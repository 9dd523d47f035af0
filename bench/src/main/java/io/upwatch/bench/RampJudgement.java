package io.upwatch.bench;

import java.util.List;
import java.util.Optional;

/**
 * When a ramp step counts as sustained, and what the capacity is: the highest offered rate whose
 * step, and every step below it, kept the schedule lag p99 under a second and lost no slot. A step
 * above a failed one does not count even if it passes: the machine did not sustain the rate on the
 * way there.
 */
final class RampJudgement {

  /** The schedule lag p99 a sustained step stays under, in milliseconds. */
  static final double MAX_LAG_P99_MS = 1000;

  private RampJudgement() {}

  /** Why the step was not sustained; empty when it was. */
  static Optional<String> shortfall(StepFigures step) {
    if (step.checksStored() == 0) {
      return Optional.of("no check stored");
    }
    if (step.slotsLost() < 0) {
      // The primary key allows one row per slot: more rows than slots is a miscount of the grid.
      return Optional.of(
          "more checks stored ("
              + step.checksStored()
              + ") than slots ("
              + step.slotsExpected()
              + "): the expected grid is wrong");
    }
    if (step.slotsLost() > 0) {
      return Optional.of(
          step.slotsLost() + " of " + step.slotsExpected() + " slots lost or not stored in time");
    }
    if (!(step.lagP99Ms() < MAX_LAG_P99_MS)) {
      return Optional.of("schedule lag p99 " + Math.round(step.lagP99Ms()) + " ms");
    }
    return Optional.empty();
  }

  static boolean sustained(StepFigures step) {
    return shortfall(step).isEmpty();
  }

  /** The offered rate of the last step of the sustained run from the first; 0 if none. */
  static int capacity(List<StepFigures> steps) {
    int capacity = 0;
    for (StepFigures step : steps) {
      if (!sustained(step)) {
        break;
      }
      capacity = step.offeredPerSecond();
    }
    return capacity;
  }

  /** Index of the step whose figures describe the capacity: the last sustained, else the first. */
  static int capacityStep(List<StepFigures> steps) {
    int index = 0;
    for (int i = 0; i < steps.size() && sustained(steps.get(i)); i++) {
      index = i;
    }
    return index;
  }
}

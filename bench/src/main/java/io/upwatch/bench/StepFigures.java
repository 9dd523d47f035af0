package io.upwatch.bench;

/**
 * What the service stored for one ramp step's judged window: the slots the URLs' grids put in it,
 * the checks stored for them, and the schedule lag (check start minus slot) of those checks.
 *
 * @param offeredPerSecond checks a second the step's URLs ask for
 * @param slotsExpected slots of every URL's grid inside the window
 * @param checksStored checks stored for slots inside the window
 * @param lagP50Ms median schedule lag, milliseconds
 * @param lagP99Ms 99th percentile schedule lag, milliseconds
 * @param lagMaxMs largest schedule lag, milliseconds
 */
record StepFigures(
    int offeredPerSecond,
    long slotsExpected,
    long checksStored,
    double lagP50Ms,
    double lagP99Ms,
    double lagMaxMs) {

  /** Slots of the window with no stored check when it was judged (late or never handed out). */
  long slotsLost() {
    return slotsExpected - checksStored;
  }
}

package io.upwatch.bench;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One judged step of the capacity ramp: the stored figures of its window, CPU per group of
 * processes in the window, and what the roles' metrics and the task stream say about it.
 *
 * @param figures checks, lost slots and schedule lag of the window
 * @param urls URLs checked during the step
 * @param from start of the judged window (slots and wall time)
 * @param to end of the judged window
 * @param cpuSeconds CPU seconds per group (roles, postgresql, redis, target-farm) in the window
 * @param details the roles' metrics and the lag breakdown
 */
record RampStep(
    StepFigures figures,
    int urls,
    Instant from,
    Instant to,
    Map<String, Double> cpuSeconds,
    Map<String, Object> details) {

  /** The group of the target farm, which serves the checks and is not part of their cost. */
  static final String FARM = "target-farm";

  /**
   * Every PostgreSQL process of the machine, for comparison with the run's own ({@code
   * postgresql}): on a quiet machine they agree; the difference is other databases' load.
   */
  static final String POSTGRES_MACHINE_WIDE = "postgresql-machine-wide";

  double seconds() {
    return (to.toEpochMilli() - from.toEpochMilli()) / 1000.0;
  }

  double storedPerSecond() {
    return figures.checksStored() / seconds();
  }

  /**
   * CPU milliseconds per stored check per group, and their total: the roles, PostgreSQL for the
   * bench's database and Redis, without the target farm and the machine-wide PostgreSQL figure.
   */
  Map<String, Object> cpuMsPerCheck() {
    Map<String, Object> perCheck = new LinkedHashMap<>();
    double total = 0;
    long stored = Math.max(1, figures.checksStored());
    for (var group : cpuSeconds.entrySet()) {
      double ms = group.getValue() * 1000 / stored;
      if (group.getKey().equals(FARM)) {
        continue;
      }
      perCheck.put(group.getKey(), ProberBench.round3(ms));
      if (!group.getKey().equals(POSTGRES_MACHINE_WIDE)) {
        total += ms;
      }
    }
    perCheck.put("total", ProberBench.round3(total));
    return perCheck;
  }

  /** The step as the report shows it. */
  Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("offeredPerSecond", figures.offeredPerSecond());
    m.put("urls", urls);
    m.put("windowStart", from.toString());
    m.put("windowSeconds", ProberBench.round(seconds()));
    m.put("checksPerSecond", ProberBench.round(storedPerSecond()));
    m.put("checksStored", figures.checksStored());
    m.put("slotsExpected", figures.slotsExpected());
    m.put("slotsLost", figures.slotsLost());
    m.put("scheduleLagP50Ms", figures.lagP50Ms());
    m.put("scheduleLagP99Ms", figures.lagP99Ms());
    m.put("scheduleLagMaxMs", figures.lagMaxMs());
    m.put("sustained", RampJudgement.sustained(figures));
    RampJudgement.shortfall(figures).ifPresent(why -> m.put("notSustainedBecause", why));
    Map<String, Object> cpu = new LinkedHashMap<>();
    cpuSeconds.forEach((group, seconds) -> cpu.put(group, ProberBench.round(seconds)));
    m.put("cpuSecondsInWindow", cpu);
    m.put("cpuMsPerCheck", cpuMsPerCheck());
    m.put(
        "targetFarmCpuMsPerCheck",
        ProberBench.round3(
            cpuSeconds.getOrDefault(FARM, 0.0) * 1000 / Math.max(1, figures.checksStored())));
    m.putAll(details);
    return m;
  }
}

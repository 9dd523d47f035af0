package io.upwatch.bench;

import io.lettuce.core.api.sync.RedisCommands;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Raises the offered load step by step ({@link RampPlan}) on the running suite and judges each step
 * ({@link RampJudgement}) until one is not sustained or the plan ends. A step is judged after the
 * next one's warm-up, so its checks have had that long to be stored without the ramp waiting; if it
 * was not sustained, the ramp stops there and the step being warmed up is not measured.
 */
final class CapacityRamp {

  private final Bench bench;
  private final RampPlan plan;
  private final UrlSeeder seeder;
  private final StoredChecks stored;
  private final Connection db;
  private final RedisCommands<String, String> redis;
  private final CpuMeter cpu;
  private Instant firstSlot;

  CapacityRamp(
      Bench bench,
      UrlSeeder seeder,
      Connection db,
      RedisCommands<String, String> redis,
      CpuMeter cpu) {
    this.bench = bench;
    this.plan = bench.settings().ramp();
    this.seeder = seeder;
    this.stored = new StoredChecks(db);
    this.db = db;
    this.redis = redis;
    this.cpu = cpu;
  }

  /** Runs the ramp; returns the judged steps, lowest rate first. */
  List<RampStep> run() throws Exception {
    List<RampStep> steps = new ArrayList<>();
    Held held = null;
    int offered = 0;
    for (int rate : plan.rates()) {
      Instant first = seeder.add(plan.urlsFor(rate) - plan.urlsFor(offered));
      offered = rate;
      if (firstSlot == null) {
        firstSlot = first;
        // Cold JVMs at the full rate build a backlog that takes a while to drain: reported as
        // the cold start, and kept out of the judged windows.
        sleepUntil(first.plusSeconds(plan.firstWarmUpSeconds()));
      } else {
        Thread.sleep(plan.warmUpSeconds() * 1000L);
      }
      if (held != null) {
        RampStep step = judge(held);
        steps.add(step);
        if (!RampJudgement.sustained(step.figures())) {
          return steps;
        }
      }
      held = hold(rate);
    }
    Thread.sleep(plan.warmUpSeconds() * 1000L);
    steps.add(judge(held));
    return steps;
  }

  /** The first slot of the ramp: where the cold start began. */
  Instant firstSlot() {
    return firstSlot;
  }

  /** A window held at one rate, not yet judged. */
  private record Held(
      int rate,
      int urls,
      Instant from,
      Instant to,
      Map<String, Double> cpuSeconds,
      long walBytes,
      Map<String, Double> probeMeans,
      RoleCounters start,
      RoleCounters end) {}

  private Held hold(int rate) throws Exception {
    Map<String, Double> cpuBefore = cpu.cpuSeconds();
    Map<String, double[]> probesBefore = cpu.probeTotals();
    RoleCounters start = RoleCounters.read(bench.settings());
    long walBefore = stored.walPosition();
    // Whole milliseconds, as slots are: the expected count and the stored one then agree.
    Instant from = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Thread.sleep(plan.holdSeconds() * 1000L);
    Instant to = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Map<String, Double> used = CpuMeter.between(cpuBefore, cpu.cpuSeconds());
    long wal = stored.walPosition() - walBefore;
    Map<String, Double> means = CpuMeter.meansBetween(probesBefore, cpu.probeTotals());
    return new Held(
        rate,
        seeder.count(),
        from,
        to,
        used,
        wal,
        means,
        start,
        RoleCounters.read(bench.settings()));
  }

  private RampStep judge(Held held) throws Exception {
    StepFigures figures = stored.window(held.rate(), held.from(), held.to());
    double seconds = Duration.between(held.from(), held.to()).toMillis() / 1000.0;
    Map<String, Object> details = new LinkedHashMap<>();
    // The server's WAL, written for every database: other databases' writes count on a shared one.
    details.put(
        "walBytesPerCheck",
        ProberBench.round(held.walBytes() / (double) Math.max(1, figures.checksStored())));
    details.put("roles", held.start().until(held.end(), seconds));
    // Little's law: a permit of the monitoring worker is held for in-flight / throughput, from
    // the task's read to its result's publication; beside the checks' own latency it shows the
    // time spent waiting around the check.
    Map<String, Object> means = new LinkedHashMap<>();
    held.probeMeans().forEach((probe, mean) -> means.put(probe, ProberBench.round(mean)));
    Double inFlight = held.probeMeans().get("checksInFlight");
    if (inFlight != null && figures.checksStored() > 0) {
      means.put(
          "permitHeldMs", ProberBench.round(inFlight * 1000 * seconds / figures.checksStored()));
    }
    details.put("meansInWindow", means);
    details.put("lagBreakdown", LagBreakdown.measure(redis, db, held.from(), held.to()));
    var step =
        new RampStep(figures, held.urls(), held.from(), held.to(), held.cpuSeconds(), details);
    Benchmark.log(
        "  %,d checks/s offered: %,.0f/s stored, lag p50 %,.0f ms, p99 %,.0f ms, %,d of %,d slots lost: %s"
            .formatted(
                held.rate(),
                step.storedPerSecond(),
                figures.lagP50Ms(),
                figures.lagP99Ms(),
                figures.slotsLost(),
                figures.slotsExpected(),
                RampJudgement.shortfall(figures)
                    .map(why -> "NOT sustained, " + why)
                    .orElse("sustained")));
    return step;
  }

  private static void sleepUntil(Instant when) throws InterruptedException {
    long millis = Duration.between(Instant.now(), when).toMillis();
    if (millis > 0) {
      Thread.sleep(millis);
    }
  }
}

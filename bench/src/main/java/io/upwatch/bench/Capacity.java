package io.upwatch.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's headline: the highest offered rate the suite sustained end to end on this machine
 * ({@link RampJudgement}), beside the blackbox exporter's best probe rate in the same run.
 */
final class Capacity {

  static final String RULE =
      "the highest offered rate whose step (and every lower one) kept schedule lag p99 < "
          + Math.round(RampJudgement.MAX_LAG_P99_MS)
          + " ms and lost no slot over its judged window";

  private Capacity() {}

  /** The capacity section from the end-to-end section and, when they ran, the baselines. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> describe(Map<String, Object> endToEnd, Map<String, Object> baselines) {
    Map<String, Object> m = new LinkedHashMap<>();
    Object capacity = endToEnd.get("capacityChecksPerSecond");
    m.put("checksPerSecond", capacity);
    if (baselines != null) {
      double blackbox = ((Number) baselines.get("blackboxProbesPerSecond")).doubleValue();
      m.put("blackboxProbesPerSecond", blackbox);
      m.put(
          "ratioToBlackbox",
          blackbox > 0 ? ProberBench.round(((Number) capacity).doubleValue() / blackbox) : null);
    }
    m.put("rule", RULE);
    List<Map<String, Object>> steps = (List<Map<String, Object>>) endToEnd.get("steps");
    m.put("stepsJudged", steps.size());
    m.put("stoppedBy", stoppedBy(steps));
    return m;
  }

  private static String stoppedBy(List<Map<String, Object>> steps) {
    for (Map<String, Object> step : steps) {
      if (!Boolean.TRUE.equals(step.get("sustained"))) {
        return "%s checks/s offered: %s"
            .formatted(step.get("offeredPerSecond"), step.get("notSustainedBecause"));
      }
    }
    return "none: the ramp's highest rate was sustained (raise BENCH_RAMP_MAX)";
  }
}

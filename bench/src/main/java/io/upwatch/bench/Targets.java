package io.upwatch.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The targets of the benchmark issue, each with the measured figure and met or missed. */
final class Targets {

  private Targets() {}

  static List<Map<String, Object>> evaluate(
      double raw,
      double blackbox,
      Map<String, Object> prober,
      Map<String, Object> e2e,
      Map<String, Object> api) {
    double rate = number(e2e, "checksPerSecond");
    List<Map<String, Object>> targets = new ArrayList<>();
    targets.add(target("end-to-end checks/s >= 2,000", rate, rate >= 2000));
    targets.add(
        target(
            "schedule lag p99 < 1,000 ms",
            number(e2e, "scheduleLagP99Ms"),
            number(e2e, "scheduleLagP99Ms") < 1000));
    targets.add(target("lost slots = 0", number(e2e, "slotsLost"), number(e2e, "slotsLost") == 0));
    double proberRate = number(prober, "checksPerSecond");
    targets.add(
        target(
            "monitoring worker alone >= 0.5 x raw GET rate (ratio)",
            ProberBench.round(proberRate / raw),
            proberRate >= 0.5 * raw));
    targets.add(
        target(
            "end to end >= 2 x blackbox exporter (ratio)",
            ProberBench.round(rate / blackbox),
            rate >= 2 * blackbox));
    targets.add(
        target(
            "alert latency p99 < 1,000 ms",
            number(e2e, "alertLatencyP99Ms"),
            number(e2e, "alertsMeasured") > 0 && number(e2e, "alertLatencyP99Ms") < 1000));
    @SuppressWarnings("unchecked")
    var notifications = (Map<String, Object>) e2e.get("notifications");
    targets.add(
        target(
            "alert event -> webhook received p99 < 2,000 ms",
            number(notifications, "notificationLatencyP99Ms"),
            number(notifications, "webhooksReceived") > 0
                && number(notifications, "notificationLatencyP99Ms") < 2000));
    targets.add(
        target(
            "monitoring worker RSS < 300 MiB with 1,000 in flight",
            number(prober, "peakRssMibWith1000InFlight"),
            number(prober, "peakRssMibWith1000InFlight") < 300));
    @SuppressWarnings("unchecked")
    double statsP99 = number((Map<String, Object>) api.get("stats24h"), "p99Ms");
    targets.add(
        target("API 24 h stats p99 < 20 ms (10k URLs, a day of history)", statsP99, statsP99 < 20));
    return targets;
  }

  private static Map<String, Object> target(String name, double measured, boolean met) {
    Map<String, Object> target = new LinkedHashMap<>();
    target.put("target", name);
    target.put("measured", measured);
    target.put("met", met);
    return target;
  }

  private static double number(Map<String, Object> values, String key) {
    Object value = values.get(key);
    return value instanceof Number n ? n.doubleValue() : Double.NaN;
  }
}

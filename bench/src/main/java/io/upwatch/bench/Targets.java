package io.upwatch.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The targets of the benchmark issue, each with the measured figure and met or missed. A target
 * whose phases did not run (see {@code BENCH_PHASES}) is left out.
 */
final class Targets {

  private Targets() {}

  static List<Map<String, Object>> evaluate(Map<String, Object> report) {
    Map<String, Object> baselines = section(report, "baselines");
    Map<String, Object> prober = section(report, "proberAlone");
    Map<String, Object> e2e = section(report, "endToEnd");
    Map<String, Object> api = section(report, "api");
    Map<String, Object> capacity = section(report, "capacity");
    List<Map<String, Object>> targets = new ArrayList<>();
    if (capacity != null) {
      double rate = number(capacity, "checksPerSecond");
      targets.add(
          target(
              "capacity >= 4,000 checks/s end to end (lag p99 < 1 s, 0 lost)", rate, rate >= 4000));
      if (baselines != null) {
        double blackbox = number(capacity, "blackboxProbesPerSecond");
        targets.add(
            target(
                "capacity >= 1.25 x blackbox exporter's best in the same run (ratio)",
                ProberBench.round(rate / blackbox),
                rate >= 1.25 * blackbox));
      }
    }
    if (e2e != null) {
      double perCheck = number(section(e2e, "cpuMsPerCheck"), "total");
      targets.add(
          target(
              "CPU per stored check end to end <= 0.15 ms (roles, PostgreSQL, Redis; at capacity)",
              perCheck,
              perCheck <= 0.15));
    }
    if (prober != null && baselines != null) {
      double proberRate = number(prober, "checksPerSecond");
      double raw = number(baselines, "wrkNewConnectionGetsPerSecond");
      targets.add(
          target(
              "monitoring worker alone >= 0.5 x raw GET rate (ratio)",
              ProberBench.round(proberRate / raw),
              proberRate >= 0.5 * raw));
    }
    if (e2e != null) {
      double alertP99 = number(e2e, "alertLatencyP99Ms");
      targets.add(
          target(
              "alert latency p99 < 1,000 ms",
              alertP99,
              number(e2e, "alertsMeasured") > 0 && alertP99 < 1000));
      Map<String, Object> notifications = section(e2e, "notifications");
      targets.add(
          target(
              "alert event -> webhook received p99 < 2,000 ms",
              number(notifications, "notificationLatencyP99Ms"),
              number(notifications, "webhooksReceived") > 0
                  && number(notifications, "notificationLatencyP99Ms") < 2000));
    }
    if (prober != null) {
      double rss = number(prober, "peakRssMibWith1000InFlight");
      targets.add(target("monitoring worker RSS < 200 MiB with 1,000 in flight", rss, rss < 200));
    }
    if (api != null) {
      Map<String, Object> openLoop = section(api, "stats24hOpenLoop");
      double statsP99 = number(openLoop, "p99Ms");
      targets.add(
          target(
              "API 24 h stats p99 < 20 ms, open loop at %s req/s (10k URLs, a day of history)"
                  .formatted(openLoop == null ? "?" : openLoop.get("offeredPerSecond")),
              statsP99,
              statsP99 < 20 && number(openLoop, "errors") + number(openLoop, "shed") == 0));
      double firstPage = number(section(api, "dashboardFirstPage"), "p50Ms");
      targets.add(
          target(
              "dashboard first page p50 < 300 ms (10k monitors, a day of history)",
              firstPage,
              firstPage < 300));
    }
    Map<String, Object> pings = section(report, "pings");
    if (pings != null) {
      // The bar: a burst at the top of the hour must not topple the API. Every offered
      // ping answered 200, none shed by the bounded load generator, even with every token cold.
      Map<String, Object> cold = section(pings, "coldTokens");
      double failed = number(cold, "errors") + number(cold, "shed");
      targets.add(
          target(
              "heartbeat ping burst, every token cold: 0 errors or shed pings",
              failed,
              failed == 0));
    }
    return targets;
  }

  private static Map<String, Object> target(String name, double measured, boolean met) {
    Map<String, Object> target = new LinkedHashMap<>();
    target.put("target", name);
    target.put("measured", measured);
    target.put("met", met);
    return target;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(Map<String, Object> values, String key) {
    return (Map<String, Object>) values.get(key);
  }

  private static double number(Map<String, Object> values, String key) {
    Object value = values == null ? null : values.get(key);
    return value instanceof Number n ? n.doubleValue() : Double.NaN;
  }
}

package io.upwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ceiling and the peer, each at its best: the raw GET rate of wrk with a new connection per
 * request, and the probe rate of Prometheus' blackbox exporter driven at {@code /probe} by wrk,
 * both against the same target farm. Each is measured at 16 connections, then 4 times as many while
 * that still gains more than 3 % (up to 1,024), and its highest rate counts.
 */
final class Baselines {

  static final int FIRST_CONCURRENCY = 16;
  static final int MAX_CONCURRENCY = 1024;
  private static final double GAIN = 1.03;

  /** A rate measured at a number of connections. */
  @FunctionalInterface
  interface RateAt {
    double measure(int connections) throws Exception;
  }

  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

  private Baselines() {}

  static Map<String, Object> run(Bench bench) throws Exception {
    int seconds = bench.settings().baselineSeconds();
    Map<Integer, Double> raw = best(c -> rawGetRate(bench, seconds, c));
    return describe(raw, blackboxProbeRates(bench, seconds));
  }

  /** The rate at each concurrency tried, until more connections stop paying. */
  static Map<Integer, Double> best(RateAt rate) throws Exception {
    Map<Integer, Double> rates = new LinkedHashMap<>();
    double best = 0;
    for (int connections = FIRST_CONCURRENCY; connections <= MAX_CONCURRENCY; connections *= 4) {
      double measured = rate.measure(connections);
      rates.put(connections, measured);
      if (measured < best * GAIN) {
        break;
      }
      best = Math.max(best, measured);
    }
    return rates;
  }

  /** The baselines section: the best rate of each, and the rate at each concurrency. */
  static Map<String, Object> describe(Map<Integer, Double> raw, Map<Integer, Double> blackbox) {
    Map<String, Object> baselines = new LinkedHashMap<>();
    baselines.put("wrkNewConnectionGetsPerSecond", best(raw));
    baselines.put("blackboxProbesPerSecond", best(blackbox));
    baselines.put("wrkByConnections", rounded(raw));
    baselines.put("blackboxByConcurrentProbes", rounded(blackbox));
    return baselines;
  }

  /** wrk requests a second, every request on a new connection, over the farm's target addresses. */
  private static double rawGetRate(Bench bench, int seconds, int connections) throws Exception {
    // One wrk per address would need many processes; two addresses keep wrk's own cost fair.
    List<Process> runs = new ArrayList<>();
    for (int i = 0; i < Bench.TARGET_ADDRESSES; i++) {
      runs.add(
          wrk(
              seconds,
              connections / Bench.TARGET_ADDRESSES,
              bench.target(i, "ok", i),
              "-H",
              "Connection: close"));
    }
    double total = 0;
    for (Process run : runs) {
      total += rate(run, seconds);
    }
    return total;
  }

  /** Blackbox exporter probes a second at each concurrency, driven at its /probe by wrk. */
  private static Map<Integer, Double> blackboxProbeRates(Bench bench, int seconds)
      throws Exception {
    Path config = bench.work().resolve("blackbox.yml");
    Files.writeString(
        config,
        """
        modules:
          http_2xx:
            prober: http
            timeout: 5s
            http:
              method: GET
        """);
    int port = bench.settings().blackboxPort();
    Process exporter =
        new ProcessBuilder(
                "prometheus-blackbox-exporter",
                "--config.file=" + config,
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(bench.work().resolve("blackbox.log").toFile())
            .start();
    try {
      Thread.sleep(1500);
      if (!exporter.isAlive()) {
        throw new IllegalStateException(
            "The blackbox exporter did not start on port " + port + "; see blackbox.log");
      }
      String probe =
          "http://127.0.0.1:%d/probe?module=http_2xx&target=%s"
              .formatted(port, bench.target(0, "ok", 1));
      return best(c -> rate(wrk(seconds, c, probe), seconds));
    } finally {
      exporter.destroy();
      exporter.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static Process wrk(int seconds, int connections, String url, String... extra)
      throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--latency"));
    command.addAll(List.of(extra));
    command.add(url);
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static double rate(Process run, int seconds) throws Exception {
    String output = new String(run.getInputStream().readAllBytes());
    run.waitFor(seconds + 30L, TimeUnit.SECONDS);
    Matcher m = RATE.matcher(output);
    if (!m.find()) {
      throw new IllegalStateException("Unexpected wrk output:\n" + output);
    }
    return Double.parseDouble(m.group(1));
  }

  private static double best(Map<Integer, Double> rates) {
    return ProberBench.round(rates.values().stream().mapToDouble(d -> d).max().orElse(0));
  }

  private static Map<String, Object> rounded(Map<Integer, Double> rates) {
    Map<String, Object> m = new LinkedHashMap<>();
    rates.forEach((connections, rate) -> m.put(connections.toString(), ProberBench.round(rate)));
    return m;
  }
}

package io.upwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ceiling and the peer: the raw GET rate of wrk with a new connection per request, and the
 * probe rate of Prometheus' blackbox exporter, both against the same target farm.
 */
final class Baselines {

  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

  private Baselines() {}

  /** wrk requests a second, every request on a new connection, over several farm addresses. */
  static double rawGetRate(int seconds) throws Exception {
    // One wrk per address would need many processes; two addresses keep wrk's own cost fair.
    double total = 0;
    List<Process> runs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      runs.add(
          wrk(
              seconds,
              "http://" + TargetFarm.address(i) + ":9100/ok/" + i,
              "-H",
              "Connection: close"));
    }
    for (Process run : runs) {
      total += rate(run, seconds);
    }
    return total;
  }

  /** Blackbox exporter probes a second, driven at its /probe endpoint by wrk. */
  static double blackboxProbeRate(Path work, int seconds) throws Exception {
    Path config = work.resolve("blackbox.yml");
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
    Process exporter =
        new ProcessBuilder(
                "prometheus-blackbox-exporter",
                "--config.file=" + config,
                "--web.listen-address=127.0.0.1:9115")
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("blackbox.log").toFile())
            .start();
    try {
      Thread.sleep(1500);
      Process run =
          wrk(
              seconds,
              "http://127.0.0.1:9115/probe?module=http_2xx&target=http://"
                  + TargetFarm.address(0)
                  + ":9100/ok/1");
      return rate(run, seconds);
    } finally {
      exporter.destroy();
      exporter.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static Process wrk(int seconds, String url, String... extra) throws IOException {
    List<String> command =
        new ArrayList<>(List.of("wrk", "-t1", "-c32", "-d" + seconds + "s", "--latency"));
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

  static Map<String, Object> describe(double raw, double blackbox) {
    Map<String, Object> baselines = new java.util.LinkedHashMap<>();
    baselines.put("wrkNewConnectionGetsPerSecond", ProberBench.round(raw));
    baselines.put("blackboxProbesPerSecond", ProberBench.round(blackbox));
    return baselines;
  }
}

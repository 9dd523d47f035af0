package io.upwatch.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs every benchmark phase and writes the report ({@code bench/results/<stamp>.json|md} and
 * {@code latest.md}). Settings from the environment: {@code BENCH_URLS} (20000), {@code
 * BENCH_INTERVAL} seconds (10), {@code BENCH_SECONDS} measured (120), {@code BENCH_PROBER_TASKS}
 * (30000) on Redis database {@code BENCH_PROBER_REDIS_DATABASE} (10), {@code
 * BENCH_BASELINE_SECONDS} (10), {@code BENCH_PHASES}: a comma-separated subset of {@code
 * baselines,prober,e2e,api,pings} (all), to measure phases alone; {@code BENCH_PING_RATE} (5000)
 * pings a second for {@code BENCH_PING_SECONDS} (5) on Redis database {@code
 * BENCH_PING_REDIS_DATABASE} (12).
 */
public final class Benchmark {

  static final List<String> PHASES = List.of("baselines", "prober", "e2e", "api", "pings");

  private Benchmark() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(env("BENCH_ROOT", ".")).toAbsolutePath().normalize();
    Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Path work = root.resolve("bench/results/tmp");
    Files.createDirectories(work);
    var bench = new Bench(root, work, env("BENCH_JAVA", "java"));
    int urls = Integer.parseInt(env("BENCH_URLS", "20000"));
    int interval = Integer.parseInt(env("BENCH_INTERVAL", "10"));
    int seconds = Integer.parseInt(env("BENCH_SECONDS", "120"));
    int proberTasks = Integer.parseInt(env("BENCH_PROBER_TASKS", "30000"));
    int baselineSeconds = Integer.parseInt(env("BENCH_BASELINE_SECONDS", "10"));

    Map<String, Object> report = new LinkedHashMap<>();
    report.put("startedAt", started.toString());
    report.put("commit", env("BENCH_COMMIT", "unknown"));
    report.put("machine", Machine.describe());
    Set<String> phases = Set.of(env("BENCH_PHASES", String.join(",", PHASES)).split(","));
    report.put("phases", PHASES.stream().filter(phases::contains).toList());
    Map<String, Object> profiles = new LinkedHashMap<>();
    // Only the phases that check targets need the farm; the ping burst runs without it.
    boolean needsFarm = phases.stream().anyMatch(List.of("baselines", "prober", "e2e")::contains);
    try (Proc farm = needsFarm ? bench.farm() : null) {
      if (needsFarm) {
        Thread.sleep(1500);
      }
      if (phases.contains("baselines")) {
        log("baselines: wrk and blackbox exporter");
        double raw = Baselines.rawGetRate(baselineSeconds);
        double blackbox = Baselines.blackboxProbeRate(work, baselineSeconds);
        report.put("baselines", Baselines.describe(raw, blackbox));
      }
      if (phases.contains("prober")) {
        log("monitoring worker alone: " + proberTasks + " checks");
        report.put("proberAlone", ProberBench.run(bench, proberTasks, profiles));
      }
      if (phases.contains("e2e")) {
        log("end to end: " + urls + " URLs every " + interval + " s, for " + seconds + " s");
        double farmCpuBefore = Proc.cpuSeconds(farm.pid());
        Map<String, Object> e2e = EndToEndBench.run(bench, urls, interval, seconds);
        e2e.put(
            "targetFarmCpuSeconds", ProberBench.round(Proc.cpuSeconds(farm.pid()) - farmCpuBefore));
        report.put("endToEnd", e2e);
      }
      if (phases.contains("api")) {
        int apiUrls = Integer.parseInt(env("BENCH_API_URLS", "10000"));
        log("API: " + apiUrls + " URLs with a day of history");
        report.put("api", ApiBench.run(bench, apiUrls, baselineSeconds, profiles));
      }
      if (phases.contains("pings")) {
        int rate = Integer.parseInt(env("BENCH_PING_RATE", "5000"));
        int pingSeconds = Integer.parseInt(env("BENCH_PING_SECONDS", "5"));
        int redis = Integer.parseInt(env("BENCH_PING_REDIS_DATABASE", "12"));
        log("heartbeat pings: " + rate + "/s for " + pingSeconds + " s");
        report.put("pings", PingBench.run(bench, rate, pingSeconds, redis, profiles));
      }
    }
    report.put("targets", Targets.evaluate(report));
    report.put("profiles", profiles);
    report.put("finishedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    write(root.resolve("bench/results"), started, report);
  }

  private static void write(Path dir, Instant started, Map<String, Object> report)
      throws Exception {
    String stamp = started.toString().replace(":", "").replace("-", "");
    var json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    Files.writeString(dir.resolve(stamp + ".json"), json.writeValueAsString(report));
    String markdown = Markdown.render(report, json);
    Files.writeString(dir.resolve(stamp + ".md"), markdown);
    if (report.get("phases").equals(PHASES)) {
      // latest.md is the last full run; a run of some phases only stays under its stamp.
      Files.writeString(dir.resolve("latest.md"), markdown);
    }
    log("report: bench/results/" + stamp + ".md and .json");
  }

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  static void log(String message) {
    System.out.println("[bench] " + message);
  }
}

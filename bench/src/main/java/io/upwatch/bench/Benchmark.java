package io.upwatch.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs every benchmark phase and writes the report ({@code bench/results/<stamp>.json|md} and
 * {@code latest.md}). Settings come from the environment ({@link Settings}, {@link RampPlan}).
 */
public final class Benchmark {

  static final List<String> PHASES =
      List.of("baselines", "prober", "ingest", "e2e", "api", "pings");

  private Benchmark() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(Settings.value(System.getenv(), "BENCH_ROOT", ".")).toAbsolutePath();
    Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Path work = root.normalize().resolve("bench/results/tmp");
    Files.createDirectories(work);
    Settings settings = Settings.from(System.getenv());
    settings.checkPortsFree();
    var bench =
        new Bench(
            root.normalize(),
            work,
            Settings.value(System.getenv(), "BENCH_JAVA", "java"),
            settings);
    Set<String> phases = settings.phases();

    Map<String, Object> report = new LinkedHashMap<>();
    report.put("startedAt", started.toString());
    report.put("commit", Settings.value(System.getenv(), "BENCH_COMMIT", "unknown"));
    report.put("machine", Machine.describe());
    report.put("postgresql", PostgresServer.describe(settings.database()));
    report.put("phases", PHASES.stream().filter(phases::contains).toList());
    report.put("ports", settings.portBase() + "-" + settings.redisPort());
    if (!settings.roleEnv().isEmpty()) {
      // Not the defaults: say so, so that no one reads these figures as the defaults' figures.
      report.put("roleSettings", new TreeMap<>(settings.roleEnv()));
    }
    Map<String, Object> profiles = new LinkedHashMap<>();
    // Only the phases that check targets need the farm; all but the baselines need Redis.
    boolean needsFarm = phases.stream().anyMatch(List.of("baselines", "prober", "e2e")::contains);
    boolean needsRedis = !phases.equals(Set.of("baselines"));
    try (Proc farm = needsFarm ? bench.farm() : null;
        Proc redis = needsRedis ? bench.redis() : null) {
      if (needsFarm) {
        Thread.sleep(1500);
      }
      if (phases.contains("baselines")) {
        log("baselines: wrk and the blackbox exporter, each at its best concurrency");
        report.put("baselines", Baselines.run(bench));
      }
      if (phases.contains("prober")) {
        log("monitoring worker alone: " + settings.proberTasks() + " checks");
        report.put("proberAlone", ProberBench.run(bench, profiles));
      }
      if (phases.contains("ingest")) {
        log("local worker's ingestion alone: " + settings.ingestResults() + " results");
        report.put("ingestAlone", IngestBench.run(bench));
      }
      if (phases.contains("e2e")) {
        RampPlan ramp = settings.ramp();
        log(
            "end to end: capacity ramp from %,d to at most %,d checks/s (steps of %,d, %d s warm-up + %d s judged each; at most %d s)"
                .formatted(
                    ramp.start(),
                    ramp.max(),
                    ramp.step(),
                    ramp.warmUpSeconds(),
                    ramp.holdSeconds(),
                    ramp.longestSeconds()));
        Map<String, Object> e2e = EndToEndBench.run(bench, farm, redis);
        report.put("endToEnd", e2e);
        @SuppressWarnings("unchecked")
        var baselines = (Map<String, Object>) report.get("baselines");
        report.put("capacity", Capacity.describe(e2e, baselines));
      }
      if (phases.contains("api")) {
        log("API: " + settings.apiUrls() + " URLs with a day of history");
        report.put("api", ApiBench.run(bench, profiles));
      }
      if (phases.contains("pings")) {
        log("heartbeat pings: " + settings.pingRate() + "/s for " + settings.pingSeconds() + " s");
        report.put("pings", PingBench.run(bench, profiles));
      }
    }
    report.put("targets", Targets.evaluate(report));
    report.put("profiles", profiles);
    report.put("finishedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    if (phases.containsAll(PHASES)) {
      List<String> missing = ReportFields.missing(report);
      if (!missing.isEmpty()) {
        log("the report lacks required figures: " + missing);
        report.put("missingFields", missing);
      }
    }
    write(root.normalize().resolve("bench/results"), started, report);
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

  static void log(String message) {
    System.out.println("[bench] " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + message);
  }
}

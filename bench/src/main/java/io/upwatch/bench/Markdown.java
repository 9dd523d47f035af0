package io.upwatch.bench;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Renders a report as markdown: the targets table first, then every figure. */
final class Markdown {

  private Markdown() {}

  @SuppressWarnings("unchecked")
  static String render(Map<String, Object> report, JsonMapper json) {
    var out = new StringBuilder();
    out.append("# Upwatch benchmark report\n\n");
    out.append("- started: ").append(report.get("startedAt")).append('\n');
    out.append("- commit: `").append(report.get("commit")).append("`\n");
    out.append("- machine: ").append(report.get("machine")).append('\n');
    out.append("- PostgreSQL: ").append(report.get("postgresql")).append('\n');
    List<String> phases = (List<String>) report.get("phases");
    String only =
        phases.equals(Benchmark.PHASES) ? "" : "BENCH_PHASES=" + String.join(",", phases) + " ";
    if (report.get("roleSettings") != null) {
      out.append("- role settings (not the defaults): ")
          .append(report.get("roleSettings"))
          .append('\n');
    }
    out.append("- command: `")
        .append(only)
        .append("./upwatch bench` (settings in the JSON below)\n\n");
    out.append("## Targets\n\n| target | measured | met |\n|---|---|---|\n");
    for (Map<String, Object> target : (List<Map<String, Object>>) report.get("targets")) {
      out.append("| ")
          .append(target.get("target"))
          .append(" | ")
          .append(target.get("measured"))
          .append(" | ")
          .append(Boolean.TRUE.equals(target.get("met")) ? "yes" : "**no**")
          .append(" |\n");
    }
    for (String section :
        List.of(
            "capacity", "baselines", "proberAlone", "ingestAlone", "endToEnd", "api", "pings")) {
      if (report.get(section) instanceof Map<?, ?> figures) {
        out.append("\n## ").append(section).append("\n\n| figure | value |\n|---|---|\n");
        figures.forEach(
            (k, v) -> {
              if (!k.equals("steps")) {
                out.append("| ").append(k).append(" | ").append(v).append(" |\n");
              }
            });
        if (figures.get("steps") instanceof List<?> steps) {
          steps(out, (List<Map<String, Object>>) steps);
        }
      }
    }
    profiles(out, (Map<String, Map<String, Object>>) report.get("profiles"));
    out.append("\n## Raw report\n\n```json\n")
        .append(json.writeValueAsString(report))
        .append("\n```\n");
    return out.toString();
  }

  /** The capacity ramp, a row a step: what was offered, stored, how late, and what it cost. */
  @SuppressWarnings("unchecked")
  private static void steps(StringBuilder out, List<Map<String, Object>> steps) {
    out.append("\n### Capacity ramp\n\n")
        .append("| offered/s | stored/s | lag p50 / p99 / max ms | lost | sustained")
        .append(" | CPU ms per check (total: roles, PostgreSQL, Redis) | farm CPU ms per check")
        .append(" | scheduler passes/s, ms each, tasks each | ingest batches/s, size, ms each |\n")
        .append("|---|---|---|---|---|---|---|---|---|\n");
    for (Map<String, Object> step : steps) {
      Map<String, Object> roles = (Map<String, Object>) step.getOrDefault("roles", Map.of());
      out.append("| ")
          .append(step.get("offeredPerSecond"))
          .append(" | ")
          .append(step.get("checksPerSecond"))
          .append(" | ")
          .append(step.get("scheduleLagP50Ms"))
          .append(" / ")
          .append(step.get("scheduleLagP99Ms"))
          .append(" / ")
          .append(step.get("scheduleLagMaxMs"))
          .append(" | ")
          .append(step.get("slotsLost"))
          .append(" | ")
          .append(
              Boolean.TRUE.equals(step.get("sustained"))
                  ? "yes"
                  : "**no**: " + step.get("notSustainedBecause"))
          .append(" | ")
          .append(step.get("cpuMsPerCheck"))
          .append(" | ")
          .append(step.get("targetFarmCpuMsPerCheck"))
          .append(" | ")
          .append(roles.get("schedulePassesPerSecond"))
          .append(", ")
          .append(roles.get("schedulePassMeanMs"))
          .append(", ")
          .append(roles.get("tasksPerSchedulePass"))
          .append(" | ")
          .append(roles.get("ingestBatchesPerSecond"))
          .append(", ")
          .append(roles.get("ingestBatchMeanSize"))
          .append(", ")
          .append(roles.get("ingestBatchMeanMs"))
          .append(" |\n");
    }
  }

  /** Where the CPU time of each profiled phase went: the top methods by self samples. */
  @SuppressWarnings("unchecked")
  private static void profiles(StringBuilder out, Map<String, Map<String, Object>> profiles) {
    if (profiles == null || profiles.isEmpty()) {
      return;
    }
    out.append("\n## Profiles\n\nJFR execution samples (JDK \"profile\" settings, every 10 ms")
        .append(" per running thread) of the role under test during each phase's measured")
        .append(" window; self = the method on top of the stack.\n");
    profiles.forEach(
        (phase, profile) -> {
          out.append("\n### ")
              .append(phase)
              .append(" (")
              .append(profile.get("cpuSamples"))
              .append(" samples)\n\n| method | self % |\n|---|---|\n");
          for (Map<String, Object> row : (List<Map<String, Object>>) profile.get("topSelf")) {
            out.append("| `")
                .append(row.get("method"))
                .append("` | ")
                .append(row.get("selfPercent"))
                .append(" |\n");
          }
        });
  }
}

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
    List<String> phases = (List<String>) report.get("phases");
    String only =
        phases.equals(Benchmark.PHASES) ? "" : "BENCH_PHASES=" + String.join(",", phases) + " ";
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
    for (String section : List.of("baselines", "proberAlone", "endToEnd", "api", "pings")) {
      if (report.get(section) instanceof Map<?, ?> figures) {
        out.append("\n## ").append(section).append("\n\n| figure | value |\n|---|---|\n");
        figures.forEach(
            (k, v) -> out.append("| ").append(k).append(" | ").append(v).append(" |\n"));
      }
    }
    profiles(out, (Map<String, Map<String, Object>>) report.get("profiles"));
    out.append("\n## Raw report\n\n```json\n")
        .append(json.writeValueAsString(report))
        .append("\n```\n");
    return out.toString();
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

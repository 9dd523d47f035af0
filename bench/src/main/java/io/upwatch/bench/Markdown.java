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
    out.append("- command: `./upwatch bench` (settings in the JSON below)\n\n");
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
    for (String section : List.of("baselines", "proberAlone", "endToEnd", "api")) {
      out.append("\n## ").append(section).append("\n\n| figure | value |\n|---|---|\n");
      ((Map<String, Object>) report.get(section))
          .forEach((k, v) -> out.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    }
    out.append("\n## Raw report\n\n```json\n")
        .append(json.writeValueAsString(report))
        .append("\n```\n");
    return out.toString();
  }
}

package io.upwatch.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The figures a full run's report must carry (issue #16), as dotted paths into the report. */
final class ReportFields {

  static final List<String> REQUIRED =
      List.of(
          "capacity.checksPerSecond",
          "capacity.blackboxProbesPerSecond",
          "endToEnd.cpuMsPerCheck",
          "endToEnd.slotsLost",
          "proberAlone.checksPerSecond",
          "proberAlone.peakRssMibWith1000InFlight",
          "baselines.wrkNewConnectionGetsPerSecond");

  private ReportFields() {}

  /** The required paths that the report lacks (or holds as null). */
  static List<String> missing(Map<String, Object> report) {
    List<String> missing = new ArrayList<>();
    for (String path : REQUIRED) {
      Object value = report;
      for (String key : path.split("\\.")) {
        value = value instanceof Map<?, ?> map ? map.get(key) : null;
      }
      if (value == null) {
        missing.add(path);
      }
    }
    return missing;
  }
}

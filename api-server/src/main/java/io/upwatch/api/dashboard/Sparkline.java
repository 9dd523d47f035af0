package io.upwatch.api.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A latency sparkline drawn on the server as SVG path data, so it reads without JavaScript: one
 * point per hour of the last day (gaps where nothing answered), a red tick under each hour with a
 * failure.
 *
 * @param path the line's SVG path data, empty without data
 * @param failureTicks x positions of hours with failures
 * @param summary the same in words, for screen readers and the tooltip
 */
public record Sparkline(String path, List<Double> failureTicks, String summary) {

  static final int WIDTH = 96;
  static final int HEIGHT = 24;
  private static final double STEP = (double) WIDTH / (HourlyBuckets.DAY - 1);

  static Sparkline of(Double[] latency, boolean[] failures) {
    double max = 0;
    double min = Double.MAX_VALUE;
    for (Double value : latency) {
      if (value != null) {
        max = Math.max(max, value);
        min = Math.min(min, value);
      }
    }
    var path = new StringBuilder();
    boolean penDown = false;
    for (int i = 0; i < latency.length; i++) {
      if (latency[i] == null) {
        penDown = false;
        continue;
      }
      double y = (HEIGHT - 4) - (max == 0 ? 0 : latency[i] / max * (HEIGHT - 6));
      path.append(penDown ? 'L' : 'M').append(format(i * STEP)).append(' ').append(format(y));
      if (!penDown) {
        path.append("h0.01"); // a lone hour shows as a dot (round caps)
      }
      penDown = true;
    }
    List<Double> ticks = new ArrayList<>();
    int failedHours = 0;
    for (int i = 0; i < failures.length; i++) {
      if (failures[i]) {
        ticks.add(Math.max(0, i * STEP - 1));
        failedHours++;
      }
    }
    String summary =
        max == 0 && min == Double.MAX_VALUE
            ? "No responses in the last 24 hours"
            : "Latency over 24 h: %d to %d ms average per hour; %d hours with failures"
                .formatted(Math.round(min), Math.round(max), failedHours);
    return new Sparkline(path.toString(), ticks, summary);
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}

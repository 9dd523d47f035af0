package io.upwatch.api.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The monitor page's response-time chart, laid out on the server as SVG: the average latency per
 * bucket as a line (broken where a bucket has no response), buckets with failures shaded red, a
 * latency axis and a relative time axis (no time zone to get wrong).
 *
 * @param line SVG path data of the average latency
 * @param failures shaded buckets
 * @param yTicks latency axis labels
 * @param xTicks time axis labels
 * @param summary the chart in words, for screen readers
 */
public record ResponseTimeChart(
    String line, List<Band> failures, List<Tick> yTicks, List<Tick> xTicks, String summary) {

  public static final int WIDTH = 720;
  public static final int HEIGHT = 220;
  public static final int LEFT = 56;
  public static final int RIGHT = WIDTH - 8;
  public static final int TOP = 10;
  public static final int BOTTOM = HEIGHT - 24;

  /**
   * A shaded bucket.
   *
   * @param x left edge
   * @param width its width
   * @param title what it holds, shown on hover
   */
  public record Band(String x, String width, String title) {}

  /**
   * An axis label.
   *
   * @param position x for the time axis, y for the latency axis
   * @param label the text
   */
  public record Tick(String position, String label) {}

  static ResponseTimeChart of(List<ChartPoint> points, ChartWindow window, Instant now) {
    Instant from = now.minus(window.span());
    double spanMillis = window.span().toMillis();
    double max = 0;
    long failed = 0;
    for (ChartPoint point : points) {
      if (point.averageMs() != null) {
        max = Math.max(max, point.averageMs());
      }
      failed += point.failures();
    }
    double top = niceCeiling(max);
    var line = new StringBuilder();
    var bands = new ArrayList<Band>();
    Instant expected = null;
    double bucketWidth = window.bucket().toMillis() / spanMillis * (RIGHT - LEFT);
    for (ChartPoint point : points) {
      double x =
          LEFT + Duration.between(from, point.start()).toMillis() / spanMillis * (RIGHT - LEFT);
      if (point.failures() > 0) {
        bands.add(
            new Band(
                format(Math.max(LEFT, x)),
                format(Math.max(1.5, bucketWidth)),
                point.failures() + " of " + point.checks() + " checks failed"));
      }
      if (point.averageMs() == null) {
        expected = null;
        continue;
      }
      double y = BOTTOM - point.averageMs() / top * (BOTTOM - TOP);
      boolean continues = point.start().equals(expected);
      line.append(continues ? 'L' : 'M').append(format(Math.max(LEFT, x + bucketWidth / 2)));
      line.append(' ').append(format(y));
      if (!continues) {
        // A zero-length stroke with round caps: a lone bucket shows as a dot.
        line.append("h0.01");
      }
      expected = point.start().plus(window.bucket());
    }
    List<Tick> yTicks = new ArrayList<>();
    for (int i = 0; i <= 2; i++) {
      double value = top * i / 2;
      yTicks.add(new Tick(format(BOTTOM - (BOTTOM - TOP) * i / 2.0), Math.round(value) + " ms"));
    }
    List<Tick> xTicks = new ArrayList<>();
    for (int i = 0; i <= 4; i++) {
      Duration ago = window.span().multipliedBy(4 - i).dividedBy(4);
      xTicks.add(new Tick(format(LEFT + (RIGHT - LEFT) * i / 4.0), i == 4 ? "now" : ago(ago)));
    }
    String summary =
        points.isEmpty()
            ? "No checks in the last " + window.label()
            : "%s response time over the last %s: up to %d ms; %d failed checks"
                .formatted(
                    window == ChartWindow.D90 ? "Daily median" : "Average",
                    window.label(),
                    Math.round(max),
                    failed);
    return new ResponseTimeChart(line.toString(), bands, yTicks, xTicks, summary);
  }

  private static String ago(Duration ago) {
    if (ago.toHours() >= 48) {
      return "−" + ago.toDays() + " d";
    }
    if (ago.toMinutes() >= 120) {
      return "−" + ago.toHours() + " h";
    }
    return "−" + ago.toMinutes() + " min";
  }

  /** 1, 2 or 5 times a power of ten, at least the value (and at least 10 ms). */
  private static double niceCeiling(double value) {
    if (value <= 10) {
      return 10;
    }
    double power = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : new double[] {1, 2, 5, 10}) {
      if (step * power >= value) {
        return step * power;
      }
    }
    return 10 * power;
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}

package io.upwatch.common.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Histogram bucket bounds on the 1–2.5–5 ladder (1, 2.5, 5, 10, 25, …), the same in every role so
 * that histograms aggregate across replicas. A few bounds per decade keep a histogram to about ten
 * series, where Micrometer's percentile histogram would publish 50 to 100.
 */
public final class HistogramBuckets {

  private static final double[] STEPS = {1, 2.5, 5};

  private HistogramBuckets() {}

  /** The ladder's bounds from {@code from} to {@code to}, both included when on the ladder. */
  public static double[] between(double from, double to) {
    if (from <= 0 || to < from) {
      throw new IllegalArgumentException("need 0 < from <= to, got " + from + " and " + to);
    }
    List<Double> bounds = new ArrayList<>();
    for (int exponent = (int) Math.floor(Math.log10(from));
        Math.pow(10, exponent) <= to;
        exponent++) {
      for (double step : STEPS) {
        double bound = step * Math.pow(10, exponent);
        if (bound >= from && bound <= to) {
          bounds.add(bound);
        }
      }
    }
    return bounds.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** The ladder's bounds in milliseconds from {@code from} to {@code to}, as durations. */
  public static Duration[] between(Duration from, Duration to) {
    double[] millis = between(from.toNanos() / 1e6, to.toNanos() / 1e6);
    Duration[] bounds = new Duration[millis.length];
    for (int i = 0; i < millis.length; i++) {
      bounds[i] = Duration.ofNanos(Math.round(millis[i] * 1e6));
    }
    return bounds;
  }
}

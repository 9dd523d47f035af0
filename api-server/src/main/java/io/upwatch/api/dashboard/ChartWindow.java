package io.upwatch.api.dashboard;

import java.time.Duration;

/**
 * The spans the response-time chart offers, each with the bucket that gives it about a hundred
 * points. The raw checks cover only their retention; 90 days come from the daily rollups ({@link
 * RollupSeries}), one point a day.
 */
public enum ChartWindow {
  HOUR("1h", "1 h", Duration.ofHours(1), Duration.ofMinutes(1)),
  DAY("24h", "24 h", Duration.ofHours(24), Duration.ofMinutes(15)),
  WEEK("7d", "7 d", Duration.ofDays(7), Duration.ofHours(2)),
  D90("90d", "90 d", Duration.ofDays(90), Duration.ofDays(1));

  private final String key;
  private final String label;
  private final Duration span;
  private final Duration bucket;

  ChartWindow(String key, String label, Duration span, Duration bucket) {
    this.key = key;
    this.label = label;
    this.span = span;
    this.bucket = bucket;
  }

  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  Duration span() {
    return span;
  }

  Duration bucket() {
    return bucket;
  }

  static ChartWindow fromKey(String value) {
    for (ChartWindow window : values()) {
      if (window.key.equals(value)) {
        return window;
      }
    }
    return DAY;
  }
}

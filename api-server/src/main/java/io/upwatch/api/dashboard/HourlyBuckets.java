package io.upwatch.api.dashboard;

/**
 * One monitor's checks of the last seven days in hourly buckets, oldest first: the whole list row
 * (uptime 24 h and 7 d, sparkline) comes from one grouped index-only read.
 */
final class HourlyBuckets {

  static final int HOURS = 7 * 24;
  static final int DAY = 24;

  private final long[] checks = new long[HOURS];
  private final long[] successes = new long[HOURS];
  private final double[] latencyMs = new double[HOURS];
  private final boolean[] hasLatency = new boolean[HOURS];

  void add(int hour, long checkCount, long successCount, Double averageLatencyMs) {
    if (hour < 0 || hour >= HOURS) {
      return;
    }
    checks[hour] = checkCount;
    successes[hour] = successCount;
    if (averageLatencyMs != null) {
      latencyMs[hour] = averageLatencyMs;
      hasLatency[hour] = true;
    }
  }

  /** Successes as a percentage of checks over the last {@code hours}; null without checks. */
  Double uptimePercent(int hours) {
    long total = 0;
    long good = 0;
    for (int hour = HOURS - hours; hour < HOURS; hour++) {
      total += checks[hour];
      good += successes[hour];
    }
    return total == 0 ? null : Math.round(good * 10000.0 / total) / 100.0;
  }

  /** The last day's average latency per hour, null where nothing answered. */
  Double[] lastDayLatency() {
    Double[] day = new Double[DAY];
    for (int i = 0; i < DAY; i++) {
      int hour = HOURS - DAY + i;
      day[i] = hasLatency[hour] ? latencyMs[hour] : null;
    }
    return day;
  }

  /** Per hour of the last day: whether any check failed. */
  boolean[] lastDayFailures() {
    boolean[] day = new boolean[DAY];
    for (int i = 0; i < DAY; i++) {
      int hour = HOURS - DAY + i;
      day[i] = successes[hour] < checks[hour];
    }
    return day;
  }
}

package io.upwatch.api.history;

import java.util.Collection;

/**
 * Figures of several days added up. Percentiles cannot be added: the latency figures are the means
 * of the daily percentiles weighted by each day's responses, an approximation that stays close
 * while a URL's latency is steady and is documented as such.
 *
 * @param checks checks of all the days
 * @param failures failures of all the days
 * @param latencyP50Ms weighted mean of the daily medians, null without responses
 * @param latencyP95Ms weighted mean of the daily 95th percentiles, null without responses
 */
public record Totals(long checks, long failures, Double latencyP50Ms, Double latencyP95Ms) {

  /** Adds up the days. */
  public static Totals of(Collection<DayFigures> days) {
    long checks = 0;
    long failures = 0;
    long weight = 0;
    double p50 = 0;
    double p95 = 0;
    for (DayFigures day : days) {
      checks += day.checks();
      failures += day.failures();
      if (day.responses() > 0 && day.latencyP50Ms() != null && day.latencyP95Ms() != null) {
        weight += day.responses();
        p50 += day.latencyP50Ms() * day.responses();
        p95 += day.latencyP95Ms() * day.responses();
      }
    }
    return weight == 0
        ? new Totals(checks, failures, null, null)
        : new Totals(checks, failures, p50 / weight, p95 / weight);
  }

  public long successes() {
    return checks - failures;
  }

  /** Successes as a percentage of checks with two decimals, null without checks. */
  public Double uptimePercent() {
    return percent(successes(), checks);
  }

  /** A part of a whole as a percentage with two decimals, null when the whole is zero. */
  public static Double percent(long part, long whole) {
    return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 100.0;
  }
}

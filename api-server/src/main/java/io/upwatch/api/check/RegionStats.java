package io.upwatch.api.check;

import io.upwatch.api.history.Totals;

/**
 * One region's checks of a URL over a window, each check counted alone.
 *
 * @param region the region the checks came from
 * @param checks its checks in the window
 * @param failures those that failed
 * @param uptimePercent its successes as a percentage of its checks, null without checks
 * @param latencyP50Ms median latency of its checks that got a response, null without any
 * @param latencyP95Ms 95th percentile latency of those, null without any
 */
public record RegionStats(
    String region,
    long checks,
    long failures,
    Double uptimePercent,
    Double latencyP50Ms,
    Double latencyP95Ms) {

  static RegionStats of(String region, Totals totals) {
    return new RegionStats(
        region,
        totals.checks(),
        totals.failures(),
        totals.uptimePercent(),
        totals.latencyP50Ms(),
        totals.latencyP95Ms());
  }
}

package io.upwatch.api.history;

import java.time.LocalDate;

/**
 * One UTC day of a URL's checks: a stored daily rollup, or for days not yet rolled up (today)
 * computed live from the raw checks by the same SQL function.
 *
 * @param urlId the URL
 * @param day the UTC day
 * @param checks slots checked that day (a region's checks, in a region's figures)
 * @param failures slots down: failed by at least the URL's quorum of regions (with one region, its
 *     failed checks)
 * @param responses checks (of every region) that got a response; the latency percentiles are over
 *     these
 * @param latencyP50Ms median latency of the responses, null without any
 * @param latencyP95Ms 95th percentile latency of the responses, null without any
 */
public record DayFigures(
    long urlId,
    LocalDate day,
    long checks,
    long failures,
    long responses,
    Double latencyP50Ms,
    Double latencyP95Ms) {

  /** Successes as a percentage of checks with two decimals, null without checks. */
  public Double uptimePercent() {
    return Totals.percent(checks - failures, checks);
  }
}

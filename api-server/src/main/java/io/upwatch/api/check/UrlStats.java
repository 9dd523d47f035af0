package io.upwatch.api.check;

import java.time.Instant;

/**
 * Check outcomes of one URL over a window.
 *
 * @param urlId the URL
 * @param from start of the window (exclusive)
 * @param to end of the window (inclusive)
 * @param checks checks in the window
 * @param successes checks that got a non-5xx response
 * @param failures checks with a 5xx or no response
 * @param uptimePercent successes as a percentage of checks, null without checks
 * @param latencyP50Ms median latency of checks that got a response, null without any
 * @param latencyP95Ms 95th percentile latency of checks that got a response, null without any
 */
public record UrlStats(
    long urlId,
    Instant from,
    Instant to,
    long checks,
    long successes,
    long failures,
    Double uptimePercent,
    Double latencyP50Ms,
    Double latencyP95Ms) {}

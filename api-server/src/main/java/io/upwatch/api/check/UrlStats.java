package io.upwatch.api.check;

import java.time.Instant;
import java.util.List;

/**
 * Check outcomes of one URL over a window. A URL checked from several regions has a check per
 * region and slot: the counts are of slots, and a slot is down when at least {@code quorum} of its
 * regions failed it (with one region, every failed check is a down slot, as before regions). With a
 * region filter they are that region's checks, each counted alone.
 *
 * @param urlId the URL
 * @param from start of the window (exclusive)
 * @param to end of the window (inclusive)
 * @param checks slots checked in the window (the region's checks with a filter)
 * @param successes slots up
 * @param failures slots down
 * @param uptimePercent successes as a percentage of checks, null without checks
 * @param latencyP50Ms median latency of checks (of every region) that got a response, null without
 *     any
 * @param latencyP95Ms 95th percentile latency of those, null without any
 * @param region the region filter, null without one
 * @param quorum how many regions had to fail a slot for it to count as down (1 with a filter)
 * @param regions each region's own figures, in name order
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
    Double latencyP95Ms,
    String region,
    int quorum,
    List<RegionStats> regions) {}

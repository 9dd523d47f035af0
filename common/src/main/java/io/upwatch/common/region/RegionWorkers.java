package io.upwatch.common.region;

import java.time.Instant;

/**
 * What {@link RegionPresence} knows of one region's monitoring workers.
 *
 * @param live workers whose last beat is recent ({@link RegionPresence#LIVE_WITHIN})
 * @param lastSeenAt the latest beat of any of them, by Redis' clock
 */
public record RegionWorkers(int live, Instant lastSeenAt) {

  /** The region of a deployment where no worker was seen. */
  public static final RegionWorkers NONE = new RegionWorkers(0, null);

  /** Whether the region has a live worker. */
  public boolean isLive() {
    return live > 0;
  }

  RegionWorkers plus(RegionWorkers other) {
    Instant latest =
        lastSeenAt == null || (other.lastSeenAt != null && other.lastSeenAt.isAfter(lastSeenAt))
            ? other.lastSeenAt
            : lastSeenAt;
    return new RegionWorkers(live + other.live, latest);
  }
}

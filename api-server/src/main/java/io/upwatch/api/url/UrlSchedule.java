package io.upwatch.api.url;

import io.upwatch.schema.SlotGrid;
import java.time.Duration;
import java.time.Instant;

/**
 * Where a probed URL's slots fall, and how an API write moves them. The scheduler hands out time in
 * ranges up to PostgreSQL's present, so a slot this API puts at least {@link #LEAD} ahead lies in
 * time no scheduler has handed out before the write commits. A write never makes a URL due sooner
 * than one (new) interval after a slot that may have been handed out, so it never checks a URL
 * twice in quick succession.
 *
 * @param grid the URL's slots
 * @param enabled false while paused
 * @param pausedAt when a paused URL stopped being scheduled; null while enabled (and for URLs
 *     paused before the API recorded it: then taken as the time of the next write)
 */
record UrlSchedule(SlotGrid grid, boolean enabled, Instant pausedAt) {

  /** How far ahead of now a write puts a URL's next slot, at the least. */
  static final Duration LEAD = Duration.ofSeconds(1);

  /** A new URL: its first check one {@link #LEAD} from now. */
  static UrlSchedule first(Duration interval, Instant now) {
    return new UrlSchedule(SlotGrid.through(now.plus(LEAD), interval), true, null);
  }

  /**
   * The schedule after a write that sets the interval and the enabled state (either may be
   * unchanged). While the URL is scheduled and keeps its interval, its grid stays. Otherwise the
   * grid is laid through the last slot that may have been handed out (the latest one up to a lead
   * after the write, or after the pause), so the next check comes one new interval after it; or, if
   * that is already past, one {@link #LEAD} from now: a URL resumed after a pause that skipped a
   * slot is checked at once.
   */
  UrlSchedule changedTo(Duration interval, boolean enable, Instant now) {
    boolean sameInterval = interval.equals(grid.interval());
    Instant stoppedAt = enabled ? now : pausedAt == null ? now : pausedAt;
    Instant lastHandedOut = grid.latestAtOrBefore(stoppedAt.plus(LEAD));
    if (!enable) {
      // Anchored on the last slot that may have been handed out, so that resuming measures from it.
      SlotGrid kept = sameInterval ? grid : SlotGrid.through(lastHandedOut, interval);
      return new UrlSchedule(kept, false, stoppedAt);
    }
    if (enabled && sameInterval) {
      return this;
    }
    Instant next = lastHandedOut.plus(interval);
    Instant soonest = now.plus(LEAD);
    return new UrlSchedule(
        SlotGrid.through(next.isAfter(soonest) ? next : soonest, interval), true, null);
  }
}

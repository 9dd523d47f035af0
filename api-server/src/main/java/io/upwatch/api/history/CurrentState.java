package io.upwatch.api.history;

import java.time.Instant;

/**
 * A URL's state now.
 *
 * @param urlId the URL
 * @param state up, down, paused or no data
 * @param lastCheckedAt the slot of its latest check, null without any
 * @param lastCheckSucceeded whether that check succeeded, null without any
 */
public record CurrentState(
    long urlId, MonitorState state, Instant lastCheckedAt, Boolean lastCheckSucceeded) {}

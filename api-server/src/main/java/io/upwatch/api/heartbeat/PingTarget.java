package io.upwatch.api.heartbeat;

/**
 * The heartbeat monitor a ping token belongs to, as pings need it.
 *
 * @param urlId the monitor
 * @param enabled false while paused: its pings are answered and ignored
 */
record PingTarget(long urlId, boolean enabled) {}

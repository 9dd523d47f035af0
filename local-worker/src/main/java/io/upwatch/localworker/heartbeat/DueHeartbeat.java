package io.upwatch.localworker.heartbeat;

import java.time.Duration;
import java.time.Instant;

/**
 * A heartbeat monitor whose deadline passed, as the missed-ping pass claimed it.
 *
 * @param id the monitor (a urls row of kind HEARTBEAT)
 * @param deadline its cursor: by then a ping had to arrive
 * @param period how often its job pings
 * @param grace how late a ping may be
 * @param failureWindow the window of its alert rule
 * @param lastPing the latest ping (success or reported failure) stored since the period that led to
 *     the deadline began, or null when none arrived
 */
record DueHeartbeat(
    long id,
    Instant deadline,
    Duration period,
    Duration grace,
    Duration failureWindow,
    Instant lastPing) {}

package io.upwatch.api.dashboard;

import java.time.Instant;

/**
 * One line of the monitors list.
 *
 * @param id the monitor's (URL's) id
 * @param name its name
 * @param target the URL it checks
 * @param state up, down, paused or no data
 * @param alertOpen whether an alert is open
 * @param lastCheckAt the slot of its last check, or null
 * @param lastStatus the HTTP status of its last check, null when none arrived
 * @param lastLatencyMs the latency of its last check, or null
 * @param uptime24h uptime percentage over 24 h, null without checks
 * @param uptime7d uptime percentage over 7 days, null without checks
 * @param sparkline latency over the last day
 */
public record MonitorRow(
    long id,
    String name,
    String target,
    MonitorState state,
    boolean alertOpen,
    Instant lastCheckAt,
    Integer lastStatus,
    Integer lastLatencyMs,
    Double uptime24h,
    Double uptime7d,
    Sparkline sparkline) {}

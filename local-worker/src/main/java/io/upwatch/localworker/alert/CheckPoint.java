package io.upwatch.localworker.alert;

import java.time.Instant;

/**
 * What the alert rule needs of a stored check: the region it came from ({@code ""} for results of
 * no region, a heartbeat's pings), its slot and whether it succeeded.
 */
record CheckPoint(String region, Instant slot, boolean success) {}

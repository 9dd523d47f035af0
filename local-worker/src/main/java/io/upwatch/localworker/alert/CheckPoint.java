package io.upwatch.localworker.alert;

import java.time.Instant;

/** What the alert rule needs of a stored check: its slot and whether it succeeded. */
record CheckPoint(Instant slot, boolean success) {}

package io.upwatch.api.dashboard;

import io.upwatch.api.alert.Alert;
import java.time.Duration;
import java.time.Instant;

/**
 * One alert in a monitor's timeline.
 *
 * @param openedAt when it opened (the slot of the check that exceeded the threshold)
 * @param resolvedAt when it resolved (the slot of the first success after it), or null while open
 * @param duration how long it lasted, or has lasted so far, in words
 * @param failureCount failures in the window when it opened
 * @param rule the rule it broke, in words
 * @param regions the regions in breach when it opened and the quorum, in words; empty when it names
 *     none (a heartbeat, a certificate, an alert older than regions)
 */
public record AlertLine(
    Instant openedAt,
    Instant resolvedAt,
    String duration,
    int failureCount,
    String rule,
    String regions) {

  static AlertLine of(Alert alert, Instant now) {
    Instant end = alert.getResolvedSlot() != null ? alert.getResolvedSlot() : now;
    return new AlertLine(
        alert.getTriggerSlot(),
        alert.getResolvedSlot(),
        Durations.words(Duration.between(alert.getTriggerSlot(), end)),
        alert.getFailureCount(),
        "more than %d failures in %s"
            .formatted(
                alert.getThreshold(),
                Durations.words(Duration.ofSeconds(alert.getWindowSeconds()))),
        alert.getRegions() == null || alert.getRegions().isEmpty()
            ? ""
            : String.join(", ", alert.getRegions()) + " (quorum " + alert.getQuorum() + ")");
  }

  public boolean open() {
    return resolvedAt == null;
  }
}

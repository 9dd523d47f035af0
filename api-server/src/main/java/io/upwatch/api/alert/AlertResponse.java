package io.upwatch.api.alert;

import java.time.Instant;

/**
 * An alert as the resource API shows it.
 *
 * @param id the alert's id
 * @param urlId the URL it concerns
 * @param open true until the first successful check after it opened
 * @param openedAt when failures in the window first exceeded the threshold
 * @param resolvedAt when a successful check closed it, null while open
 * @param failureCount failures in the window when it opened
 * @param threshold the URL's threshold at that time
 * @param windowSeconds the URL's failure window at that time
 */
public record AlertResponse(
    long id,
    long urlId,
    boolean open,
    Instant openedAt,
    Instant resolvedAt,
    int failureCount,
    int threshold,
    int windowSeconds) {

  static AlertResponse from(Alert alert) {
    return new AlertResponse(
        alert.getId(),
        alert.getUrlId(),
        alert.isOpen(),
        alert.getOpenedAt(),
        alert.getResolvedAt(),
        alert.getFailureCount(),
        alert.getThreshold(),
        alert.getWindowSeconds());
  }
}

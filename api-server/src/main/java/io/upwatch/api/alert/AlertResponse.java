package io.upwatch.api.alert;

import java.time.Instant;
import java.util.List;

/**
 * An alert as the resource API shows it.
 *
 * @param id the alert's id
 * @param urlId the URL it concerns
 * @param open true until the first successful check after it opened
 * @param openedAt when Upwatch detected that failures in the window exceeded the threshold
 * @param resolvedAt when Upwatch detected the first success after it, null while open
 * @param triggerSlot the scheduled time of the failing check that exceeded the threshold
 * @param resolvedSlot the scheduled time of the first successful check after it, null while open
 * @param failureCount failures in the window when it opened
 * @param threshold the URL's threshold at that time
 * @param windowSeconds the URL's failure window at that time (0 for a certificate alert)
 * @param kind AVAILABILITY (failures exceeded the threshold) or CERTIFICATE_EXPIRY (the TLS
 *     certificate expires within the URL's certificateExpiryDays, held in threshold)
 * @param certificateExpiresAt when the certificate expires, for a CERTIFICATE_EXPIRY alert
 * @param regions for an AVAILABILITY alert, the regions in breach when it opened, in name order
 *     (empty for a heartbeat); null for a CERTIFICATE_EXPIRY alert and for alerts older than
 *     regions
 * @param quorum how many of the URL's regions had to be in breach at once; null when regions is
 */
public record AlertResponse(
    long id,
    long urlId,
    boolean open,
    Instant openedAt,
    Instant resolvedAt,
    Instant triggerSlot,
    Instant resolvedSlot,
    int failureCount,
    int threshold,
    int windowSeconds,
    String kind,
    Instant certificateExpiresAt,
    List<String> regions,
    Integer quorum) {

  static AlertResponse from(Alert alert) {
    return new AlertResponse(
        alert.getId(),
        alert.getUrlId(),
        alert.isOpen(),
        alert.getOpenedAt(),
        alert.getResolvedAt(),
        alert.getTriggerSlot(),
        alert.getResolvedSlot(),
        alert.getFailureCount(),
        alert.getThreshold(),
        alert.getWindowSeconds(),
        alert.getKind(),
        alert.getCertificateExpiresAt(),
        alert.getRegions(),
        alert.getQuorum());
  }
}

package io.upwatch.common.notify;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a channel is told about an event: the one definition of the JSON body webhook receivers get
 * (docs/notifications.md) and of the {@code notification_deliveries.payload} snapshot, written by
 * the local worker (alert events) and the API (test messages), read back by the local worker's
 * Slack and email senders. Serialized only by {@link NotificationPayloads}.
 *
 * <p>An alert event carries {@code happenedAt}, {@code detectedLate}, {@code alert} and {@code
 * url}; a test message carries {@code channel}. The parts an event does not have are left out of
 * its JSON, while an alert's unset fields ({@code resolvedAt} of an opening) are written as null.
 *
 * @param eventId stable across retries and channels: {@code alert-<id>-opened}, {@code test-<uuid>}
 * @param event what happened
 * @param occurredAt when Upwatch detected it
 * @param happenedAt the slot of the check that caused an alert event
 * @param detectedLate whether an alert event was detected more than one interval plus the timeout
 *     after its check
 * @param alert the alert of an alert event
 * @param url the URL of an alert event
 * @param channel the channel a test message is for
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationPayload(
    String eventId,
    NotificationEvent event,
    Instant occurredAt,
    Instant happenedAt,
    Boolean detectedLate,
    Alert alert,
    Url url,
    Channel channel) {

  /** Alert events are about an alert and its URL, test messages about a channel. */
  public NotificationPayload {
    boolean test = event == NotificationEvent.TEST;
    if (test != (channel != null) || test == (alert != null) || test == (url != null)) {
      throw new IllegalArgumentException(event + " payload with the wrong parts");
    }
  }

  /**
   * An alert's opening or resolution. It happened at the slot of the check that caused it (the
   * trigger slot of an opening, the resolved slot of a resolution) and was detected when the alert
   * row changed; {@code detectedLate} when that was more than the URL's interval plus its timeout
   * after the slot.
   */
  public static NotificationPayload alertEvent(
      String eventId, NotificationEvent event, Alert alert, Url url, Duration onTime) {
    boolean resolved = event == NotificationEvent.ALERT_RESOLVED;
    return alertEvent(
        eventId, event, alert, url, onTime, resolved ? alert.resolvedAt() : alert.openedAt());
  }

  /**
   * An alert that late results show still open after its resolution was announced: opened again,
   * detected at {@code detectedAt} (always late), at the slot of its trigger.
   */
  public static NotificationPayload alertReopened(
      String eventId, Alert alert, Url url, Duration onTime, Instant detectedAt) {
    return alertEvent(eventId, NotificationEvent.ALERT_OPENED, alert, url, onTime, detectedAt);
  }

  private static NotificationPayload alertEvent(
      String eventId,
      NotificationEvent event,
      Alert alert,
      Url url,
      Duration onTime,
      Instant occurredAt) {
    boolean resolved = event == NotificationEvent.ALERT_RESOLVED;
    Instant happenedAt = resolved ? alert.resolvedSlot() : alert.triggerSlot();
    Alert told = resolved ? alert : alert.asOpened();
    boolean late = Duration.between(happenedAt, occurredAt).compareTo(onTime) > 0;
    return new NotificationPayload(eventId, event, occurredAt, happenedAt, late, told, url, null);
  }

  /** A test message for a channel. */
  public static NotificationPayload test(String eventId, Instant occurredAt, Channel channel) {
    return new NotificationPayload(
        eventId, NotificationEvent.TEST, occurredAt, null, null, null, null, channel);
  }

  /**
   * The alert as it stands after the event.
   *
   * @param kind the rule that raised it: {@code AVAILABILITY} (failures exceeded the threshold) or
   *     {@code CERTIFICATE_EXPIRY} (the certificate expires within {@code threshold} days)
   * @param resolvedAt null while open
   * @param resolvedSlot the slot of the check that resolved it, null while open
   * @param windowSeconds the failure window in seconds
   * @param certificateExpiresAt when the certificate of a {@code CERTIFICATE_EXPIRY} alert expires
   *     (as last seen); null for other kinds
   * @param regions the regions in breach when an {@code AVAILABILITY} alert opened, in name order
   *     (empty for a heartbeat, whose pings come from no region); null for other kinds and for
   *     alerts older than regions
   * @param quorum how many of the URL's regions had to be in breach; null when {@code regions} is
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Alert(
      long id,
      String kind,
      Instant openedAt,
      Instant resolvedAt,
      Instant triggerSlot,
      Instant resolvedSlot,
      int failureCount,
      int threshold,
      int windowSeconds,
      Instant certificateExpiresAt,
      List<String> regions,
      Integer quorum) {

    /** The alert as its opening tells it: not resolved yet, whatever happened since. */
    Alert asOpened() {
      return new Alert(
          id,
          kind,
          openedAt,
          null,
          triggerSlot,
          null,
          failureCount,
          threshold,
          windowSeconds,
          certificateExpiresAt,
          regions,
          quorum);
    }
  }

  /**
   * The monitor as it was named when the event happened (a snapshot: later renames do not change
   * it).
   *
   * @param kind what the monitor checks: HTTP, TCP, DNS or HEARTBEAT (whose {@code url} is empty)
   * @param regions the regions it is checked from, in its own order (empty for a heartbeat); null
   *     in payloads older than regions
   */
  public record Url(long id, String name, String url, String kind, List<String> regions) {}

  /** The channel a test message is for. */
  public record Channel(long id, String name) {}
}

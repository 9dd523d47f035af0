package io.upwatch.localworker.notify;

import io.upwatch.common.notify.NotificationEvent;
import io.upwatch.common.notify.NotificationPayload;
import io.upwatch.common.notify.NotificationPayloads;

/**
 * What a delivery says, read from its payload, as fixed plain-text sentences for Slack and email.
 * User-supplied values (the URL's name and address) are only ever inserted as data; no template is
 * evaluated.
 */
record Notice(
    NotificationEvent event, String urlName, String url, String detail, String occurredAt) {

  private static final String HEARTBEAT = "HEARTBEAT";

  static Notice of(Delivery delivery) {
    NotificationPayload payload = NotificationPayloads.fromJson(delivery.payload());
    String occurredAt = NotificationPayloads.time(payload.occurredAt());
    if (payload.event() == NotificationEvent.TEST) {
      return new Notice(payload.event(), payload.channel().name(), "", "", occurredAt);
    }
    var alert = payload.alert();
    boolean heartbeat = HEARTBEAT.equals(payload.url().kind());
    String detail =
        "CERTIFICATE_EXPIRY".equals(alert.kind())
            ? certificateDetail(payload.event(), alert)
            : availabilityDetail(payload.event(), alert, payload.url(), heartbeat);
    // A heartbeat has no target of its own: the headline names its kind instead.
    String target = heartbeat ? "heartbeat" : payload.url().url();
    return new Notice(payload.event(), payload.url().name(), target, detail, occurredAt);
  }

  private static String availabilityDetail(
      NotificationEvent event,
      NotificationPayload.Alert alert,
      NotificationPayload.Url url,
      boolean heartbeat) {
    // A URL checked from one region reads as before regions existed: naming it adds nothing.
    boolean regional =
        url.regions() != null
            && url.regions().size() > 1
            && alert.regions() != null
            && alert.quorum() != null;
    if (event == NotificationEvent.ALERT_RESOLVED) {
      if (regional) {
        return "Fewer than "
            + alert.quorum()
            + " of its "
            + url.regions().size()
            + " regions are in breach now (it was down in "
            + String.join(", ", alert.regions())
            + ").";
      }
      return heartbeat ? "A ping arrived again." : "The URL answered successfully again.";
    }
    String failures = alert.windowSeconds() + " s (threshold " + alert.threshold() + ").";
    if (regional) {
      return "Down in "
          + String.join(", ", alert.regions())
          + " ("
          + alert.regions().size()
          + " of "
          + url.regions().size()
          + " regions, quorum "
          + alert.quorum()
          + "): up to "
          + alert.failureCount()
          + " failed checks per region in the last "
          + failures;
    }
    return alert.failureCount()
        + (heartbeat ? " missed or failed pings" : " failed checks")
        + " in the last "
        + failures;
  }

  private static String certificateDetail(
      NotificationEvent event, NotificationPayload.Alert alert) {
    String expires =
        alert.certificateExpiresAt() == null
            ? "an unknown time"
            : NotificationPayloads.time(alert.certificateExpiresAt());
    return event == NotificationEvent.ALERT_RESOLVED
        ? "The TLS certificate was renewed; it now expires at " + expires + "."
        : "The TLS certificate expires at " + expires + ", within " + alert.threshold() + " days.";
  }

  /** One line, e.g. {@code Alert opened: shop (https://shop.example)}. */
  String headline() {
    return switch (event) {
      case ALERT_OPENED -> "Alert opened: " + urlName + " (" + url + ")";
      case ALERT_RESOLVED -> "Alert resolved: " + urlName + " (" + url + ")";
      case TEST -> "Test notification for channel " + urlName;
    };
  }

  /** The lines after the headline. */
  String body() {
    if (event == NotificationEvent.TEST) {
      return "This is a test message from Upwatch. The channel works.";
    }
    return detail + "\nAt: " + occurredAt;
  }
}

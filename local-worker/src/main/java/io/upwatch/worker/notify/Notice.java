package io.upwatch.worker.notify;

import io.upwatch.common.notify.NotificationEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a delivery says, read from its payload, as fixed plain-text sentences for Slack and email.
 * User-supplied values (the URL's name and address) are only ever inserted as data; no template is
 * evaluated.
 */
record Notice(
    NotificationEvent event, String urlName, String url, String detail, String occurredAt) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static Notice of(Delivery delivery) {
    JsonNode payload = JSON.readTree(delivery.payload());
    NotificationEvent event = NotificationEvent.ofType(delivery.event());
    if (event == NotificationEvent.TEST) {
      return new Notice(
          event, payload.path("channel").path("name").asString(""), "", "", occurred(payload));
    }
    JsonNode alert = payload.path("alert");
    JsonNode url = payload.path("url");
    String detail =
        alert.path("kind").asString("").equals("CERTIFICATE_EXPIRY")
            ? certificateDetail(event, alert)
            : availabilityDetail(event, alert);
    return new Notice(
        event,
        url.path("name").asString(""),
        url.path("url").asString(""),
        detail,
        occurred(payload));
  }

  private static String availabilityDetail(NotificationEvent event, JsonNode alert) {
    return event == NotificationEvent.ALERT_RESOLVED
        ? "The URL answered successfully again."
        : alert.path("failureCount").asInt()
            + " failed checks in the last "
            + alert.path("windowSeconds").asInt()
            + " s (threshold "
            + alert.path("threshold").asInt()
            + ").";
  }

  private static String certificateDetail(NotificationEvent event, JsonNode alert) {
    String expires = alert.path("certificateExpiresAt").asString("");
    return event == NotificationEvent.ALERT_RESOLVED
        ? "The TLS certificate was renewed; it now expires at " + expires + "."
        : "The TLS certificate expires at "
            + expires
            + ", within "
            + alert.path("threshold").asInt()
            + " days.";
  }

  private static String occurred(JsonNode payload) {
    return payload.path("occurredAt").asString("");
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

package io.upwatch.localworker.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.upwatch.common.notify.ChannelKind;
import io.upwatch.common.notify.NotificationEvent;
import io.upwatch.common.notify.NotificationPayload;
import io.upwatch.common.notify.NotificationPayloads;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoticeTests {

  private static final Instant OPENED = Instant.parse("2026-11-26T10:00:00Z");
  private static final NotificationPayload.Url URL =
      new NotificationPayload.Url(1, "shop", "https://shop.example", "HTTP", List.of("default"));

  private static Notice notice(NotificationEvent event, NotificationPayload.Alert alert) {
    return notice(event, alert, URL);
  }

  private static Notice notice(
      NotificationEvent event, NotificationPayload.Alert alert, NotificationPayload.Url url) {
    String payload =
        NotificationPayloads.toJson(
            NotificationPayload.alertEvent("e", event, alert, url, Duration.ofMinutes(1)));
    return Notice.of(
        new Delivery(
            1, "e", event.type(), payload, ChannelKind.SLACK, 1, "x", null, 1, Instant.now()));
  }

  private static NotificationPayload.Alert alert(
      String kind, int failures, int threshold, Instant certificateExpiresAt) {
    return new NotificationPayload.Alert(
        1,
        kind,
        OPENED,
        OPENED.plusSeconds(60),
        OPENED,
        OPENED.plusSeconds(60),
        failures,
        threshold,
        300,
        certificateExpiresAt,
        kind.equals("AVAILABILITY") ? List.of("default") : null,
        kind.equals("AVAILABILITY") ? 1 : null);
  }

  @Test
  void certificateAlertSaysWhenTheCertificateExpires() {
    var alert = alert("CERTIFICATE_EXPIRY", 0, 14, Instant.parse("2026-11-29T10:00:00Z"));

    assertThat(notice(NotificationEvent.ALERT_OPENED, alert).body())
        .startsWith("The TLS certificate expires at 2026-11-29T10:00:00.000Z, within 14 days.");
    assertThat(notice(NotificationEvent.ALERT_RESOLVED, alert).body())
        .startsWith("The TLS certificate was renewed");
  }

  @Test
  void availabilityAlertStillCountsFailures() {
    var alert = alert("AVAILABILITY", 3, 2, null);

    assertThat(notice(NotificationEvent.ALERT_OPENED, alert).body())
        .startsWith("3 failed checks in the last 300 s (threshold 2).");
  }

  @Test
  void alertOfAUrlCheckedFromSeveralRegionsNamesThoseInBreachAndTheQuorum() {
    var shop =
        new NotificationPayload.Url(
            1, "shop", "https://shop.example", "HTTP", List.of("eu", "us", "ap"));
    var alert =
        new NotificationPayload.Alert(
            1,
            "AVAILABILITY",
            OPENED,
            OPENED.plusSeconds(60),
            OPENED,
            OPENED.plusSeconds(60),
            3,
            2,
            300,
            null,
            List.of("eu", "us"),
            2);

    assertThat(notice(NotificationEvent.ALERT_OPENED, alert, shop).body())
        .startsWith(
            "Down in eu, us (2 of 3 regions, quorum 2): up to 3 failed checks per region in the"
                + " last 300 s (threshold 2).");
    assertThat(notice(NotificationEvent.ALERT_RESOLVED, alert, shop).body())
        .startsWith("Fewer than 2 of its 3 regions are in breach now (it was down in eu, us).");
  }

  @Test
  void heartbeatAlertTalksOfPingsAndNamesNoTarget() {
    var backup = new NotificationPayload.Url(2, "backup", "", "HEARTBEAT", List.of());
    var alert = alert("AVAILABILITY", 1, 0, null);

    Notice opened = notice(NotificationEvent.ALERT_OPENED, alert, backup);
    assertThat(opened.headline()).isEqualTo("Alert opened: backup (heartbeat)");
    assertThat(opened.body()).startsWith("1 missed or failed pings in the last 300 s");
    assertThat(notice(NotificationEvent.ALERT_RESOLVED, alert, backup).body())
        .startsWith("A ping arrived again.");
  }
}

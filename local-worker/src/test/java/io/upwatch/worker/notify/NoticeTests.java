package io.upwatch.worker.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.upwatch.common.notify.ChannelKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NoticeTests {

  private static Notice notice(String event, String alert) {
    String payload =
        """
        {"event": "%s", "occurredAt": "2026-11-26T10:00:00.000Z",
         "url": {"id": 1, "name": "shop", "url": "https://shop.example"}, "alert": %s}"""
            .formatted(event, alert);
    return Notice.of(
        new Delivery(1, "e", event, payload, ChannelKind.SLACK, 1, "x", null, 1, Instant.now()));
  }

  @Test
  void certificateAlertSaysWhenTheCertificateExpires() {
    String alert =
        """
        {"kind": "CERTIFICATE_EXPIRY", "threshold": 14,
         "certificateExpiresAt": "2026-11-29T10:00:00.000Z"}""";

    assertThat(notice("alert.opened", alert).body())
        .startsWith("The TLS certificate expires at 2026-11-29T10:00:00.000Z, within 14 days.");
    assertThat(notice("alert.resolved", alert).body())
        .startsWith("The TLS certificate was renewed");
  }

  @Test
  void availabilityAlertStillCountsFailures() {
    String alert =
        """
        {"kind": "AVAILABILITY", "failureCount": 3, "windowSeconds": 300, "threshold": 2}""";

    assertThat(notice("alert.opened", alert).body())
        .startsWith("3 failed checks in the last 300 s (threshold 2).");
  }
}

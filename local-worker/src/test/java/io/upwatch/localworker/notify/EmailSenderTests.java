package io.upwatch.localworker.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.upwatch.common.notify.ChannelKind;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Email notifications through a real SMTP server on loopback that requires STARTTLS. */
class EmailSenderTests {

  @TempDir Path dir;

  static final String PAYLOAD =
      """
      {"eventId": "alert-7-opened", "event": "alert.opened",
       "occurredAt": "2026-11-23T10:00:00.000Z",
       "alert": {"id": 7, "failureCount": 3, "threshold": 2, "windowSeconds": 300},
       "url": {"id": 4, "name": "shop", "url": "https://shop.example/health"}}
      """;

  @Test
  void alertIsMailedOverStartTlsAsPlainText() throws Exception {
    try (var server = new SmtpTestServer(dir, true)) {
      var sender = new EmailSender(smtp(server.port(), NotifyProperties.StartTls.REQUIRED), 5_000);

      sender.send(delivery("ops@example.org"));

      assertThat(server.messages()).hasSize(1);
      var message = server.messages().get(0);
      assertThat(message.from()).isEqualTo("upwatch@example.org");
      assertThat(message.to()).isEqualTo("ops@example.org");
      assertThat(message.data())
          .contains("Subject: [Upwatch] Alert opened: shop (https://shop.example/health)")
          .contains("Content-Type: text/plain; charset=UTF-8")
          .contains("3 failed checks in the last 300 s (threshold 2).")
          .contains("X-Upwatch-Event-Id: alert-7-opened");
    }
  }

  @Test
  void serverWithoutStartTlsIsRefusedWhenStartTlsIsRequired() throws Exception {
    try (var server = new SmtpTestServer(dir, false)) {
      var sender = new EmailSender(smtp(server.port(), NotifyProperties.StartTls.REQUIRED), 5_000);

      assertThatThrownBy(() -> sender.send(delivery("ops@example.org")))
          .isInstanceOf(DeliveryFailed.class);
      assertThat(server.messages()).isEmpty();
    }
  }

  @Test
  void withoutAServerEmailFailsWithAClearRetryableReason() {
    var sender =
        new EmailSender(
            new NotifyProperties.Smtp(
                "", 587, "", "", "u@example.org", NotifyProperties.StartTls.REQUIRED, ""),
            5_000);

    assertThatThrownBy(() -> sender.send(delivery("ops@example.org")))
        .isInstanceOf(DeliveryFailed.class)
        .hasMessageContaining("no SMTP server")
        .satisfies(e -> assertThat(((DeliveryFailed) e).permanent()).isFalse());
  }

  private static NotifyProperties.Smtp smtp(int port, NotifyProperties.StartTls startTls) {
    return new NotifyProperties.Smtp(
        "127.0.0.1", port, "", "", "Upwatch <upwatch@example.org>", startTls, "127.0.0.1");
  }

  private static Delivery delivery(String to) {
    return new Delivery(
        1,
        "alert-7-opened",
        "alert.opened",
        PAYLOAD,
        ChannelKind.EMAIL,
        3,
        to,
        null,
        1,
        Instant.now());
  }
}

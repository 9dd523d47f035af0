package io.upwatch.localworker.notify;

import io.upwatch.common.notify.ChannelKind;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * Webhook channels: the event's JSON document, POSTed as is, with {@code Upwatch-Event-Id}, {@code
 * Upwatch-Event}, {@code Upwatch-Timestamp} (Unix seconds of this attempt) and {@code
 * Upwatch-Signature} headers.
 */
class WebhookSender implements Sender {

  private final OutboundHttp http;
  private final Clock clock;

  WebhookSender(OutboundHttp http, Clock clock) {
    this.http = http;
    this.clock = clock;
  }

  @Override
  public ChannelKind kind() {
    return ChannelKind.WEBHOOK;
  }

  @Override
  public Integer send(Delivery delivery) throws DeliveryFailed, InterruptedException {
    byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
    long timestamp = clock.instant().getEpochSecond();
    return http.post(
        delivery.target(),
        "application/json",
        body,
        Map.of(
            "Upwatch-Event-Id", delivery.eventId(),
            "Upwatch-Event", delivery.event(),
            "Upwatch-Timestamp", Long.toString(timestamp),
            "Upwatch-Signature", WebhookSignature.sign(delivery.secret(), timestamp, body)));
  }
}

package io.upwatch.localworker.notify;

import io.upwatch.common.notify.ChannelKind;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Slack incoming webhooks: a {@code text} message in Slack's mrkdwn, with the user's values escaped
 * as Slack asks ({@code &}, {@code <}, {@code >}), so a URL's name cannot inject a mention or link.
 */
class SlackSender implements Sender {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final OutboundHttp http;

  SlackSender(OutboundHttp http) {
    this.http = http;
  }

  @Override
  public ChannelKind kind() {
    return ChannelKind.SLACK;
  }

  @Override
  public Integer send(Delivery delivery) throws DeliveryFailed, InterruptedException {
    Notice notice = Notice.of(delivery);
    String icon =
        switch (notice.event()) {
          case ALERT_OPENED -> ":red_circle: ";
          case ALERT_RESOLVED -> ":large_green_circle: ";
          case TEST -> ":wave: ";
        };
    String text =
        icon
            + "*"
            + escape(notice.headline())
            + "*\n"
            + escape(notice.body())
            + "\nEvent: "
            + escape(delivery.eventId());
    byte[] body = JSON.writeValueAsBytes(Map.of("text", text));
    return http.post(delivery.target(), "application/json", body, Map.of());
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}

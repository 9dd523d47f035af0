package io.upwatch.localworker.notify;

import io.upwatch.common.notify.ChannelKind;
import java.time.Instant;

/**
 * One claimed delivery: an event to send to one channel.
 *
 * @param id the delivery's row id
 * @param eventId the event's stable id, the same on every attempt and channel
 * @param event {@code alert.opened}, {@code alert.resolved} or {@code test}
 * @param payload the event's snapshot as JSON text
 * @param kind the channel's kind
 * @param channelId the channel's id (for logs; never the target)
 * @param target the webhook URL, Slack URL or email address
 * @param secret the webhook signing secret, else null
 * @param attempts attempts so far, this one included
 * @param createdAt when the event was recorded
 */
record Delivery(
    long id,
    String eventId,
    String event,
    String payload,
    ChannelKind kind,
    long channelId,
    String target,
    String secret,
    int attempts,
    Instant createdAt) {

  @Override
  public String toString() {
    // Targets and secrets are credentials (a Slack URL is one): keep them out of every log line.
    return "Delivery[id=" + id + ", event=" + eventId + ", channel=" + channelId + "]";
  }
}

package io.upwatch.api.channel;

import java.time.Instant;
import java.util.List;

/**
 * A notification channel as the API shows it. Secrets are never included.
 *
 * @param id the channel's id
 * @param name unique among the owner's channels
 * @param type {@code webhook}, {@code slack} or {@code email}
 * @param target the webhook URL or email address; for Slack only the scheme and host
 * @param secretSet true when a signing secret is stored (webhooks)
 * @param allUrls true when it applies to all the owner's URLs
 * @param urlIds the URLs it is linked to when not all
 * @param enabled false while paused
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record ChannelResponse(
    long id,
    String name,
    String type,
    String target,
    boolean secretSet,
    boolean allUrls,
    List<Long> urlIds,
    boolean enabled,
    Instant createdAt,
    Instant updatedAt) {

  public static ChannelResponse from(NotificationChannel channel) {
    return new ChannelResponse(
        channel.getId(),
        channel.getName(),
        channel.getKind().json(),
        ChannelTargets.shown(channel.getKind(), channel.getTarget()),
        channel.hasSecret(),
        channel.isAllUrls(),
        channel.getUrlIds().stream().sorted().toList(),
        channel.isEnabled(),
        channel.getCreatedAt(),
        channel.getUpdatedAt());
  }
}

package io.upwatch.api.dashboard;

import io.upwatch.api.channel.ChannelResponse;
import io.upwatch.api.channel.CreateChannelRequest;
import io.upwatch.api.channel.UpdateChannelRequest;
import java.util.Set;

/**
 * The channel form as the browser sends it. It is checked as the API's request it turns into, so
 * the messages are the API's; blank inputs arrive as null ({@link DashboardBinding}).
 *
 * @param name the channel's name
 * @param type webhook, slack or email (fixed once created)
 * @param target the webhook URL, Slack URL or email address; blank on edit keeps it
 * @param secret the webhook signing secret; blank on edit keeps it
 * @param scope {@code all} for every monitor, {@code chosen} for {@code urlIds} only
 * @param urlIds the chosen monitors
 * @param enabled false pauses the channel
 */
public record ChannelForm(
    String name,
    String type,
    String target,
    String secret,
    String scope,
    Set<Long> urlIds,
    Boolean enabled) {

  static final String ALL = "all";

  static ChannelForm blank() {
    return new ChannelForm("", "webhook", "", "", ALL, Set.of(), true);
  }

  /** The form of an existing channel; target and secret stay blank, meaning "keep". */
  static ChannelForm of(ChannelResponse channel) {
    return new ChannelForm(
        channel.name(),
        channel.type(),
        "",
        "",
        channel.allUrls() ? ALL : "chosen",
        Set.copyOf(channel.urlIds()),
        channel.enabled());
  }

  CreateChannelRequest toCreate() {
    return new CreateChannelRequest(name, type, target, secret, chosenUrls(), enabled);
  }

  UpdateChannelRequest toUpdate() {
    return new UpdateChannelRequest(name, target, secret, chosenUrls(), enabled);
  }

  public boolean allUrls() {
    return scope == null || ALL.equals(scope);
  }

  public boolean chosen(long urlId) {
    return urlIds != null && urlIds.contains(urlId);
  }

  /**
   * "Chosen" with nothing chosen: refused, because the API reads an empty list as every monitor and
   * nobody should subscribe to everything by forgetting to pick one.
   */
  boolean choosesNothing() {
    return !allUrls() && (urlIds == null || urlIds.isEmpty());
  }

  private Set<Long> chosenUrls() {
    return allUrls() || urlIds == null ? Set.of() : urlIds;
  }
}

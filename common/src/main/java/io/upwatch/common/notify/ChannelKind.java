package io.upwatch.common.notify;

import java.util.Locale;

/**
 * The kinds of notification channel, the one definition the API (which stores them) and the local
 * worker (which sends through them) share: upper case in {@code notification_channels.kind}, lower
 * case in JSON.
 */
public enum ChannelKind {
  WEBHOOK,
  SLACK,
  EMAIL;

  /** The kind named in JSON, in any case. */
  public static ChannelKind parse(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }

  /** The name in JSON: {@code webhook}, {@code slack}, {@code email}. */
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}

package io.upwatch.api.channel;

import io.upwatch.common.notify.ChannelKind;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Validates a channel's target and secret for its type, and shows targets safely: a Slack URL is a
 * credential, so only its scheme and host are ever shown.
 */
final class ChannelTargets {

  private static final Pattern EMAIL =
      Pattern.compile(
          "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@"
              + "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
              + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

  private ChannelTargets() {}

  static String validTarget(ChannelKind type, String target) {
    String value = target.strip();
    switch (type) {
      case WEBHOOK -> requireUrl(value, false);
      case SLACK -> requireUrl(value, true);
      case EMAIL -> {
        if (value.length() > 254 || !EMAIL.matcher(value).matches()) {
          throw new InvalidChannel("target", "must be an email address");
        }
      }
    }
    return value;
  }

  static void checkSecret(ChannelKind type, String secret) {
    if (type == ChannelKind.WEBHOOK && secret == null) {
      throw new InvalidChannel("secret", "a webhook needs a signing secret (16-256 characters)");
    }
    if (type != ChannelKind.WEBHOOK && secret != null) {
      throw new InvalidChannel("secret", "only webhooks are signed; leave it out");
    }
  }

  /** The target as responses show it. */
  static String shown(ChannelKind type, String target) {
    if (type != ChannelKind.SLACK) {
      return target;
    }
    URI uri = URI.create(target);
    return uri.getScheme() + "://" + uri.getHost() + "/…";
  }

  private static void requireUrl(String value, boolean httpsOnly) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new InvalidChannel("target", "is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean allowed = scheme.equals("https") || (!httpsOnly && scheme.equals("http"));
    if (!allowed) {
      throw new InvalidChannel(
          "target", httpsOnly ? "must be an https URL" : "must be an http or https URL");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new InvalidChannel("target", "must name a host");
    }
    if (uri.getRawUserInfo() != null) {
      throw new InvalidChannel("target", "must not contain credentials");
    }
    if (uri.getPort() > 65535) {
      throw new InvalidChannel("target", "has an invalid port");
    }
  }
}

package io.upwatch.api.channel;

import java.util.Locale;

/** The kinds of channel; lower case in JSON ({@code webhook}), upper case in the database. */
enum ChannelType {
  WEBHOOK,
  SLACK,
  EMAIL;

  static ChannelType parse(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }

  String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}

package io.upwatch.api.channel;

/** What a channel's name may contain: printable text, no surrounding blanks. */
final class ChannelNames {

  static final String PATTERN = "^[^\\p{Cntrl}\\s](?:[^\\p{Cntrl}]*[^\\p{Cntrl}\\s])?$";
  static final String MESSAGE =
      "must be printable text without control characters or surrounding spaces";

  private ChannelNames() {}
}

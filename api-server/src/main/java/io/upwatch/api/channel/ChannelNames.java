package io.upwatch.api.channel;

import io.upwatch.api.web.PrintableText;

/** What a channel's name may contain: printable text, no surrounding blanks. */
final class ChannelNames {

  static final String PATTERN = PrintableText.PATTERN;
  static final String MESSAGE = PrintableText.MESSAGE;

  private ChannelNames() {}
}

package io.upwatch.api.channel;

import io.upwatch.api.web.ApiException;
import org.springframework.http.HttpStatus;

/** The caller already has a channel of this name. */
class ChannelNameTaken extends ApiException {
  ChannelNameTaken(String name) {
    super(
        HttpStatus.CONFLICT,
        "channel-name-taken",
        "you already have a channel named '" + name + "'");
  }
}

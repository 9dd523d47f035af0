package io.upwatch.api.channel;

import io.upwatch.api.web.ApiException;
import org.springframework.http.HttpStatus;

/** No channel of the caller's has this id; another user's channel is reported the same way. */
class ChannelNotFound extends ApiException {
  ChannelNotFound() {
    super(HttpStatus.NOT_FOUND, "channel-not-found", "channel not found");
  }
}

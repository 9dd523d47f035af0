package io.upwatch.api.channel;

import io.upwatch.api.web.ApiException;
import org.springframework.http.HttpStatus;

/** The caller has as many channels as the operator allows. */
class ChannelLimitReached extends ApiException {
  ChannelLimitReached(int limit) {
    super(
        HttpStatus.CONFLICT,
        "channel-limit-reached",
        "you have reached the maximum of " + limit + " notification channels");
  }
}

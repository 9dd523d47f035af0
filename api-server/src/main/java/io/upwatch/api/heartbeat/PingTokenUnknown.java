package io.upwatch.api.heartbeat;

import io.upwatch.api.web.ApiException;
import org.springframework.http.HttpStatus;

/** No heartbeat monitor has the ping token: mistyped, rotated, or its monitor deleted. */
class PingTokenUnknown extends ApiException {
  PingTokenUnknown() {
    super(
        HttpStatus.NOT_FOUND,
        "ping-token-unknown",
        "No heartbeat monitor has this ping URL; copy it again from the monitor"
            + " (GET /api/v1/urls/{id}), or rotate its token.");
  }
}

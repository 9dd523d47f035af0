package io.upwatch.api.badge;

import io.upwatch.api.web.ApiException;
import org.springframework.http.HttpStatus;

/** No badge has this token: it was never issued, was rotated or was revoked. */
class BadgeNotFound extends ApiException {
  BadgeNotFound() {
    super(HttpStatus.NOT_FOUND, "badge-not-found", "badge not found");
  }
}

package io.upwatch.api.user;

import io.upwatch.api.web.RetryableApiException;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/** Logins for this account or from this address failed too often; wait before trying again. */
class TooManyLoginAttempts extends RetryableApiException {
  TooManyLoginAttempts(Duration retryAfter) {
    super(
        HttpStatus.TOO_MANY_REQUESTS,
        "too-many-login-attempts",
        "Too many failed logins; try again in " + retryAfter.toSeconds() + " s.",
        retryAfter);
  }
}

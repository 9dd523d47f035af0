package io.upwatch.api.user;

import io.upwatch.api.web.RetryableApiException;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/**
 * The failed-login counters (in Redis) cannot be read. Logins are refused rather than let
 * unthrottled guessing through.
 */
class LoginThrottleUnavailable extends RetryableApiException {
  LoginThrottleUnavailable() {
    super(
        HttpStatus.SERVICE_UNAVAILABLE,
        "login-unavailable",
        "Login is temporarily unavailable; retry shortly.",
        Duration.ofSeconds(5));
  }
}

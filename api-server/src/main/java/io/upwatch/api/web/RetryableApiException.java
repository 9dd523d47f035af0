package io.upwatch.api.web;

import java.time.Duration;
import org.springframework.http.HttpStatus;

/** An {@link ApiException} after which the caller may retry; answered with Retry-After. */
public abstract class RetryableApiException extends ApiException {

  private final Duration retryAfter;

  protected RetryableApiException(
      HttpStatus status, String type, String detail, Duration retryAfter) {
    super(status, type, detail);
    this.retryAfter = retryAfter;
  }

  /** How long the caller should wait before trying again. */
  public Duration retryAfter() {
    return retryAfter;
  }
}

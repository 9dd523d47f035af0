package io.upwatch.api.url;

import io.upwatch.api.web.ApiException;
import org.springframework.http.HttpStatus;

/** Settings that are valid one by one but not together, e.g. a timeout above the interval. */
class InvalidUrlSettings extends ApiException {
  InvalidUrlSettings(String field, String message) {
    super(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid '" + field + "': " + message + ".");
  }
}

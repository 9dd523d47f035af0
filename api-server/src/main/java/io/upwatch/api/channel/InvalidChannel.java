package io.upwatch.api.channel;

import io.upwatch.api.web.ApiException;
import org.springframework.http.HttpStatus;

/** Channel settings that are well-formed one by one but not valid together. */
class InvalidChannel extends ApiException {
  InvalidChannel(String field, String message) {
    super(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid '" + field + "': " + message + ".");
  }
}

package io.upwatch.api.channel;

import io.upwatch.api.web.ApiException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Channel settings that are well-formed one by one but not valid together. Reported like a failed
 * field validation: an {@code errors} list naming the field.
 */
class InvalidChannel extends ApiException {

  private final String field;
  private final String message;

  InvalidChannel(String field, String message) {
    super(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid '" + field + "': " + message + ".");
    this.field = field;
    this.message = message;
  }

  @Override
  public Map<String, Object> properties() {
    return Map.of("errors", List.of(Map.of("field", field, "message", message)));
  }
}

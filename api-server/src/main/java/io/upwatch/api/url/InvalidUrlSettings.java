package io.upwatch.api.url;

import io.upwatch.api.web.ApiException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Settings that are valid one by one but not together, e.g. a timeout above the interval. Reported
 * like a failed field validation: an {@code errors} list naming the field.
 */
class InvalidUrlSettings extends ApiException {

  private final String field;
  private final String message;

  InvalidUrlSettings(String field, String message) {
    this(field, message, "Invalid '" + field + "': " + message + ".");
  }

  protected InvalidUrlSettings(String field, String message, String detail) {
    super(HttpStatus.BAD_REQUEST, "invalid-request", detail);
    this.field = field;
    this.message = message;
  }

  @Override
  public Map<String, Object> properties() {
    return Map.of("errors", List.of(Map.of("field", field, "message", message)));
  }
}

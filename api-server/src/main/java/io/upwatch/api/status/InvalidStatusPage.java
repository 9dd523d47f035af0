package io.upwatch.api.status;

import io.upwatch.api.web.ApiException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Page settings that are well-formed one by one but not valid together. */
class InvalidStatusPage extends ApiException {

  private final String field;

  InvalidStatusPage(String field, String message) {
    super(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid '" + field + "': " + message + ".");
    this.field = field;
  }

  @Override
  public Map<String, Object> properties() {
    return Map.of("errors", List.of(Map.of("field", field, "message", getMessage())));
  }
}

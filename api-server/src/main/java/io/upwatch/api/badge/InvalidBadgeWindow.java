package io.upwatch.api.badge;

import io.upwatch.api.web.ApiException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The uptime badge's window is not one of the offered ones. */
class InvalidBadgeWindow extends ApiException {
  InvalidBadgeWindow(String window) {
    super(
        HttpStatus.BAD_REQUEST,
        "invalid-request",
        "Invalid 'window': '" + window + "' must be 24h, 7d, 30d or 90d.");
  }

  @Override
  public Map<String, Object> properties() {
    return Map.of(
        "errors", List.of(Map.of("field", "window", "message", "must be 24h, 7d, 30d or 90d")));
  }
}

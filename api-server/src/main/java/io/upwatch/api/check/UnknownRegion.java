package io.upwatch.api.check;

import io.upwatch.api.web.ApiException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A region filter names a region the deployment does not check from. */
final class UnknownRegion extends ApiException {

  private final String message;

  UnknownRegion(String region, List<String> deployment) {
    this(
        "'"
            + (region.length() > 40 ? region.substring(0, 40) + "…" : region)
            + "' is not a region of this deployment (UPWATCH_REGIONS: "
            + String.join(", ", deployment)
            + ")");
  }

  private UnknownRegion(String message) {
    super(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid 'region': " + message + ".");
    this.message = message;
  }

  @Override
  public Map<String, Object> properties() {
    return Map.of("errors", List.of(Map.of("field", "region", "message", message)));
  }
}

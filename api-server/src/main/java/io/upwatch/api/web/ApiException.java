package io.upwatch.api.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A situation the API reports to its caller as a problem. Subclasses are named for what happened
 * ({@code UsernameTaken}, {@code UrlNotFound}) and fix its status and problem type.
 */
public abstract class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String type;

  protected ApiException(HttpStatus status, String type, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.type = type;
  }

  /** The HTTP status this situation answers with. */
  public HttpStatus status() {
    return status;
  }

  /** The short name of the problem type, e.g. {@code url-limit-reached}. */
  public String type() {
    return type;
  }

  /** Extension members of the problem, e.g. the field {@code errors} of a validation problem. */
  public Map<String, Object> properties() {
    return Map.of();
  }
}

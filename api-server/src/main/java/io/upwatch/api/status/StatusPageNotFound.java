package io.upwatch.api.status;

import io.upwatch.api.web.ApiException;
import org.springframework.http.HttpStatus;

/**
 * No status page of the caller's has this id, or no page has this slug; another user's page is
 * reported the same way.
 */
class StatusPageNotFound extends ApiException {
  StatusPageNotFound() {
    super(HttpStatus.NOT_FOUND, "status-page-not-found", "status page not found");
  }
}

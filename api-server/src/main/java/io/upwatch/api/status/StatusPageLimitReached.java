package io.upwatch.api.status;

import io.upwatch.api.web.ApiException;
import org.springframework.http.HttpStatus;

/** The caller has as many status pages as allowed. */
class StatusPageLimitReached extends ApiException {
  StatusPageLimitReached(int limit) {
    super(
        HttpStatus.CONFLICT,
        "status-page-limit-reached",
        "you have reached the maximum of " + limit + " status pages");
  }
}

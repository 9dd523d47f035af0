package io.upwatch.api.url;

import io.upwatch.api.web.ApiException;
import org.springframework.http.HttpStatus;

/** The caller has as many URLs as {@code MAX_URL_COUNT} allows (400, as the original). */
class UrlLimitReached extends ApiException {
  UrlLimitReached(int limit) {
    super(
        HttpStatus.BAD_REQUEST, "url-limit-reached", "user reached max url count (" + limit + ")");
  }
}

package io.upwatch.api.url;

import io.upwatch.api.web.ApiException;
import org.springframework.http.HttpStatus;

/**
 * The caller has as many URLs as {@code MAX_URL_COUNT} allows (400 and the original's words, for
 * scripts that look for them; then the setting that lifts it, for the person reading).
 */
class UrlLimitReached extends ApiException {
  UrlLimitReached(int limit) {
    super(
        HttpStatus.BAD_REQUEST,
        "url-limit-reached",
        "user reached max url count: the limit is "
            + limit
            + " URLs per user; an operator can raise it with MAX_URL_COUNT");
  }
}

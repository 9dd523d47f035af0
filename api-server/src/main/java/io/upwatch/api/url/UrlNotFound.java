package io.upwatch.api.url;

import io.upwatch.api.web.ApiException;
import org.springframework.http.HttpStatus;

/** No URL of the caller's has this id or name; another user's URL is reported the same way. */
public class UrlNotFound extends ApiException {
  public UrlNotFound() {
    super(HttpStatus.NOT_FOUND, "url-not-found", "url not found");
  }
}

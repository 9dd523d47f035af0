package io.upwatch.api.url;

import io.upwatch.api.web.ApiException;
import org.springframework.http.HttpStatus;

/** The caller already has a URL of this name. */
class UrlNameTaken extends ApiException {
  UrlNameTaken(String name) {
    super(HttpStatus.CONFLICT, "url-name-taken", "you already have a url named '" + name + "'");
  }
}

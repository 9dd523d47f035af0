package io.upwatch.api.status;

import io.upwatch.api.web.ApiException;
import org.springframework.http.HttpStatus;

/** Another status page, of any user, already has this address. */
class SlugTaken extends ApiException {
  SlugTaken(String slug) {
    super(HttpStatus.CONFLICT, "slug-taken", "the status page address '" + slug + "' is taken");
  }
}

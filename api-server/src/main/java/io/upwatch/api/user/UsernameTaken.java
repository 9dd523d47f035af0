package io.upwatch.api.user;

import io.upwatch.api.web.ApiException;
import org.springframework.http.HttpStatus;

/** Signup with a name that another user already has. */
class UsernameTaken extends ApiException {
  UsernameTaken() {
    super(HttpStatus.CONFLICT, "username-taken", "user already exists");
  }
}

package io.upwatch.api.user;

import io.upwatch.api.web.ApiException;
import org.springframework.http.HttpStatus;

/** Login with an unknown name or a wrong password; the answer does not say which. */
class InvalidCredentials extends ApiException {
  InvalidCredentials() {
    super(HttpStatus.UNAUTHORIZED, "invalid-credentials", "wrong username or password");
  }
}

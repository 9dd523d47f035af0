package io.upwatch.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Sends a signed-out browser (or one whose cookie expired: {@link SessionCookieFilter} dropped it)
 * to the sign-in page. An htmx request is told with {@code HX-Redirect}: following a 303 inside it
 * would swap the sign-in page into a fragment.
 */
final class SignInRedirect implements AuthenticationEntryPoint {

  private static final String SIGN_IN = "/sign-in";

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    if (request.getHeader("HX-Request") != null) {
      response.setHeader("HX-Redirect", SIGN_IN);
      response.setStatus(HttpStatus.UNAUTHORIZED.value());
      return;
    }
    response.setStatus(HttpStatus.SEE_OTHER.value());
    response.setHeader("Location", SIGN_IN);
  }
}

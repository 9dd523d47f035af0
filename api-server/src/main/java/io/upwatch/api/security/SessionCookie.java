package io.upwatch.api.security;

import io.upwatch.api.security.TokenIssuer.IssuedToken;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The dashboard's session: the same JWT the API issues, kept in an HttpOnly, SameSite=Lax cookie
 * (Secure when the request came over TLS), so the server stays stateless and scripts on the page
 * can never read the token.
 */
@Component
public class SessionCookie {

  static final String NAME = "upwatch_session";

  private final Clock clock;

  SessionCookie(Clock clock) {
    this.clock = clock;
  }

  /** Stores the token in the browser until it expires. */
  public void issue(HttpServletRequest request, HttpServletResponse response, IssuedToken token) {
    Duration maxAge = Duration.between(clock.instant(), token.expiresAt());
    write(request, response, token.value(), maxAge.isNegative() ? Duration.ZERO : maxAge);
  }

  /** Removes the cookie (sign-out, or a token that no longer verifies). */
  public void clear(HttpServletRequest request, HttpServletResponse response) {
    write(request, response, "", Duration.ZERO);
  }

  /** The token the browser sent, or null. */
  String token(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    for (Cookie cookie : cookies) {
      if (NAME.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
        return cookie.getValue();
      }
    }
    return null;
  }

  private static void write(
      HttpServletRequest request, HttpServletResponse response, String value, Duration maxAge) {
    ResponseCookie cookie =
        ResponseCookie.from(NAME, value)
            .httpOnly(true)
            .secure(request.isSecure())
            .sameSite("Lax")
            .path("/")
            .maxAge(maxAge)
            .build();
    response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
  }
}

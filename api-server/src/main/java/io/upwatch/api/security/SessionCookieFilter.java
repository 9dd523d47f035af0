package io.upwatch.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs the dashboard's requests in from the session cookie, verifying the JWT exactly as the API
 * does. Deliberately not the resource server's bearer filter: that one exempts every request that
 * carries a token from CSRF checks, which is right for an Authorization header a browser never
 * sends by itself, and wrong for a cookie it always sends. A token that no longer verifies is
 * dropped from the browser and the request goes on signed out.
 */
final class SessionCookieFilter extends OncePerRequestFilter {

  private final SessionCookie cookie;
  private final JwtDecoder decoder;
  private final CurrentUserConverter converter = new CurrentUserConverter();
  private final SecurityContextHolderStrategy contexts =
      SecurityContextHolder.getContextHolderStrategy();

  SessionCookieFilter(SessionCookie cookie, JwtDecoder decoder) {
    this.cookie = cookie;
    this.decoder = decoder;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String token = cookie.token(request);
    if (token != null) {
      try {
        var context = contexts.createEmptyContext();
        context.setAuthentication(converter.convert(decoder.decode(token)));
        contexts.setContext(context);
      } catch (JwtException | InvalidBearerTokenException invalid) {
        cookie.clear(request, response);
      }
    }
    chain.doFilter(request, response);
  }
}

package io.upwatch.api.security;

import io.upwatch.api.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * Answers a missing, malformed, forged or expired token with 401 problem+json. The detail never
 * says which check failed, so a forger learns nothing.
 */
@Component
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final ProblemWriter writer;

  ProblemAuthenticationEntryPoint(ProblemWriter writer) {
    this.writer = writer;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    boolean tokenPresent = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
    response.setHeader(
        HttpHeaders.WWW_AUTHENTICATE, tokenPresent ? "Bearer error=\"invalid_token\"" : "Bearer");
    writer.write(
        response,
        HttpStatus.UNAUTHORIZED,
        "unauthorized",
        tokenPresent
            ? "The bearer token is invalid or expired."
            : "This resource needs a bearer token: log in and send 'Authorization: Bearer <token>'.");
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
      throws IOException {
    writer.write(response, HttpStatus.FORBIDDEN, "forbidden", "Access denied.");
  }
}

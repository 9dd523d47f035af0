package io.upwatch.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * A dashboard form without a valid CSRF token: a forged cross-site post, or a page left open from
 * before the token cookie changed. Either way nothing happens and the person is told to reload.
 */
final class ExpiredFormHandler implements AccessDeniedHandler {

  private static final String PAGE =
      """
      <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Form expired · Upwatch</title>
      <link rel="stylesheet" href="/assets/upwatch.css"></head><body><main class="narrow">
      <h1>This form has expired</h1><p>Nothing was changed. Go back, reload the page and try again,
      or <a href="/">open the dashboard</a>.</p></main></body></html>
      """;

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
      throws IOException {
    response.setStatus(HttpStatus.FORBIDDEN.value());
    response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
    response.getOutputStream().write(PAGE.getBytes(StandardCharsets.UTF_8));
  }
}

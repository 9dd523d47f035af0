package io.upwatch.api.security;

import io.upwatch.api.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Answers a path the security firewall refuses (a ';', '//', an encoded '.' or '%') with 400
 * problem+json. Without it the refusal reaches Boot's error page, which answers plain JSON.
 */
@Component
class ProblemRequestRejectedHandler implements RequestRejectedHandler {

  private final ProblemWriter writer;

  ProblemRequestRejectedHandler(ProblemWriter writer) {
    this.writer = writer;
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, RequestRejectedException exception)
      throws IOException {
    writer.write(
        response,
        HttpStatus.BAD_REQUEST,
        "request-rejected",
        "The request path is not allowed (it holds ';', '//', an encoded '/', '.' or '%', or a"
            + " character outside URLs); send the path as documented at /v3/api-docs.");
  }
}

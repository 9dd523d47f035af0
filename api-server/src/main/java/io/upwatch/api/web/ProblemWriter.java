package io.upwatch.api.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem+json body from places that run before Spring MVC (filters, security). */
@Component
public class ProblemWriter {

  private final JsonMapper mapper;

  ProblemWriter(JsonMapper mapper) {
    this.mapper = mapper;
  }

  /** Writes a problem of the given status, type name and detail as the whole response. */
  public void write(HttpServletResponse response, HttpStatus status, String type, String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(ProblemTypes.of(type));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    mapper.writeValue(response.getOutputStream(), problem);
  }
}

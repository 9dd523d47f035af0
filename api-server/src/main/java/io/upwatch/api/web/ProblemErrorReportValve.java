package io.upwatch.api.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's last word on an error nothing else answered: a request Tomcat refuses before Spring sees
 * it (an encoded '/' or '\' in the path, an invalid escape) gets problem+json instead of Tomcat's
 * HTML page. Errors the application answered already have a body and pass untouched.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    HttpStatus known = HttpStatus.resolve(status);
    String title = known == null ? "Error" : known.getReasonPhrase();
    String detail =
        status == 400
            ? "The request is malformed: its path may not hold an encoded '/' or '\\\\' or an"
                + " invalid escape; send it as documented at /v3/api-docs."
            : "The request could not be handled (HTTP " + status + ").";
    // Fixed text only, nothing from the request: no escaping needed.
    String body =
        "{\"type\":\"https://upwatch.io/problems/http-%d\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}"
            .formatted(status, title, status, detail);
    try {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(body);
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // The client went away or the response was taken: nothing left to answer.
    }
  }
}

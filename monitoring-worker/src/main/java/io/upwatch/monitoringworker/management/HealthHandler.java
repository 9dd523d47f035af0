package io.upwatch.monitoringworker.management;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Arrays;
import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointWebExtension;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /actuator/health} and, routed under {@code /actuator/health/}, its groups ({@code
 * /actuator/health/readiness}, {@code /liveness}): actuator's web extension decides the status code
 * and what is shown, as it does behind MVC.
 */
final class HealthHandler implements HttpHandler {

  static final String PATH = "/actuator/health";
  static final String CONTENT_TYPE = "application/vnd.spring-boot.actuator.v3+json";

  private final HealthEndpointWebExtension health;
  private final JsonMapper json;

  HealthHandler(HealthEndpointWebExtension health, JsonMapper json) {
    this.health = health;
    this.json = json;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String rest = exchange.getRequestURI().getPath().substring(PATH.length());
    String[] path = Arrays.stream(rest.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
    WebEndpointResponse<HealthDescriptor> response =
        health.health(ApiVersion.V3, WebServerNamespace.SERVER, SecurityContext.NONE, false, path);
    HealthDescriptor body = response.getBody();
    ManagementServer.respond(
        exchange,
        response.getStatus(),
        CONTENT_TYPE,
        body == null ? null : json.writeValueAsBytes(body));
  }
}

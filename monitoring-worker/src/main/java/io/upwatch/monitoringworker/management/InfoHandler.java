package io.upwatch.monitoringworker.management;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import org.springframework.boot.actuate.info.InfoEndpoint;
import tools.jackson.databind.json.JsonMapper;

/** {@code /actuator/info}: what actuator's info contributors say (build, git, env). */
final class InfoHandler implements HttpHandler {

  static final String PATH = "/actuator/info";

  private final InfoEndpoint info;
  private final JsonMapper json;

  InfoHandler(InfoEndpoint info, JsonMapper json) {
    this.info = info;
    this.json = json;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    ManagementServer.respond(
        exchange, 200, HealthHandler.CONTENT_TYPE, json.writeValueAsBytes(info.info()));
  }
}

package io.upwatch.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A user's script against the running API server. */
final class UpwatchApi implements AutoCloseable {

  private final RoleProcess server;
  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private String token;

  UpwatchApi(RoleProcess server) {
    this.server = server;
  }

  void signUpAndLogIn(String username, String password) throws Exception {
    String credentials =
        "{\"username\": \"%s\", \"password\": \"%s\"}".formatted(username, password);
    send("POST", "/user/signup", credentials, 201);
    token = send("POST", "/user/login", credentials, 200).get("token").asString();
  }

  long createWebhook(String name, String target, String secret, long urlId) throws Exception {
    String body =
        "{\"name\": \"%s\", \"type\": \"webhook\", \"target\": \"%s\", \"secret\": \"%s\", \"urlIds\": [%d]}"
            .formatted(name, target, secret, urlId);
    return send("POST", "/api/v1/channels", body, 201).get("id").asLong();
  }

  JsonNode deliveries(long channelId) throws Exception {
    return send("GET", "/api/v1/channels/" + channelId + "/deliveries", null, 200).get("items");
  }

  long registerUrl(String name, String url, int threshold, int intervalSeconds) throws Exception {
    String body =
        "{\"name\": \"%s\", \"url\": \"%s\", \"threshold\": %d, \"intervalSeconds\": %d,"
                .formatted(name, url, threshold, intervalSeconds)
            + " \"timeoutSeconds\": 5}";
    return send("POST", "/api/v1/urls", body, 201).get("id").asLong();
  }

  /** Registers a heartbeat monitor (threshold 0); returns it with its ping URLs. */
  JsonNode registerHeartbeat(String name, int periodSeconds, int graceSeconds) throws Exception {
    String body =
        "{\"name\": \"%s\", \"kind\": \"HEARTBEAT\", \"heartbeat\": {\"periodSeconds\": %d, \"graceSeconds\": %d}}"
            .formatted(name, periodSeconds, graceSeconds);
    return send("POST", "/api/v1/urls", body, 201);
  }

  /** Registers a monitor from its full JSON body; returns its id. */
  long register(String body) throws Exception {
    return send("POST", "/api/v1/urls", body, 201).get("id").asLong();
  }

  void changeThreshold(long urlId, int threshold) throws Exception {
    send("PATCH", "/api/v1/urls/" + urlId, "{\"threshold\": %d}".formatted(threshold), 200);
  }

  void pause(long urlId) throws Exception {
    send("POST", "/api/v1/urls/" + urlId + "/pause", null, 200);
  }

  void resume(long urlId) throws Exception {
    send("POST", "/api/v1/urls/" + urlId + "/resume", null, 200);
  }

  JsonNode checks(long urlId) throws Exception {
    return send("GET", "/api/v1/urls/" + urlId + "/checks", null, 200);
  }

  /** The deployment's regions and their live monitoring workers. */
  JsonNode regions() throws Exception {
    return send("GET", "/api/v1/regions", null, 200).get("items");
  }

  JsonNode alerts(long urlId) throws Exception {
    return send("GET", "/api/v1/urls/" + urlId + "/alerts", null, 200).get("items");
  }

  private JsonNode send(String method, String path, String body, int expected) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(server.url(path)))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new AssertionError(
          method + " " + path + " -> " + response.statusCode() + ": " + response.body());
    }
    return json.readTree(response.body());
  }

  @Override
  public void close() {
    http.close();
  }
}

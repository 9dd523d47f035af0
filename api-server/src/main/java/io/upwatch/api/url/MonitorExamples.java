package io.upwatch.api.url;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * One request example per monitor kind on {@code POST /api/v1/urls}, so the document shows how an
 * HTTP check with assertions, a TCP check and a DNS check are registered.
 */
@Component
class MonitorExamples implements OpenApiCustomizer {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final Map<String, String[]> EXAMPLES = new LinkedHashMap<>();

  static {
    EXAMPLES.put(
        "http",
        new String[] {
          "An HTTP check with the original's settings",
          """
          {"name": "homepage", "url": "https://example.com/", "threshold": 3}"""
        });
    EXAMPLES.put(
        "assertions",
        new String[] {
          "A JSON health endpoint: status 2xx, $.status UP, under 800 ms, a secret header",
          """
          {"name": "health", "url": "https://api.example.com/health", "threshold": 1,
           "http": {"headers": {"Authorization": "Bearer <token>"}, "acceptedStatus": "200-299",
                    "assertions": [
                      {"type": "JSON_PATH", "path": "$.status", "operator": "EQUALS", "value": "UP"},
                      {"type": "BODY_NOT_CONTAINS", "value": "maintenance"},
                      {"type": "RESPONSE_TIME", "value": "800"}],
                    "certificateExpiryDays": 21}}"""
        });
    EXAMPLES.put(
        "tcp",
        new String[] {
          "A TCP port that must accept connections",
          """
          {"name": "database", "kind": "TCP", "url": "tcp://db.example.com:5432", "threshold": 2}"""
        });
    EXAMPLES.put(
        "dns",
        new String[] {
          "A DNS record that must resolve to an expected answer",
          """
          {"name": "mail", "kind": "DNS", "url": "example.com", "threshold": 1,
           "dns": {"recordType": "MX", "expected": "mail.example.com"}}"""
        });
  }

  @Override
  public void customise(OpenAPI openApi) {
    PathItem urls = openApi.getPaths() == null ? null : openApi.getPaths().get("/api/v1/urls");
    if (urls == null || urls.getPost() == null || urls.getPost().getRequestBody() == null) {
      return;
    }
    MediaType json = urls.getPost().getRequestBody().getContent().get("application/json");
    if (json == null) {
      return;
    }
    EXAMPLES.forEach(
        (name, example) ->
            json.addExamples(
                name,
                new Example().summary(example[0]).value(JSON.readValue(example[1], Map.class))));
  }
}

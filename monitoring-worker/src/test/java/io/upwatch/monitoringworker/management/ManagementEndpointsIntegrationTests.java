package io.upwatch.monitoringworker.management;

import static org.assertj.core.api.Assertions.assertThat;

import io.upwatch.monitoringworker.TestRedis;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The health and metrics server of a worker whose Redis is down: the probes Kubernetes and the
 * image use answer as actuator's do (readiness 503, liveness 200), metrics still scrape, and
 * anything else is refused.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "upwatch.monitoring.read-block=200ms")
@AutoConfigureMetrics
@DirtiesContext
@Timeout(60)
class ManagementEndpointsIntegrationTests {

  private static final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void noRedis(DynamicPropertyRegistry registry) throws Exception {
    TestRedis.down(registry);
  }

  @AfterAll
  static void closeClient() {
    http.close();
  }

  @Test
  void readinessIsDownWithoutRedisWhileLivenessIsUp() throws Exception {
    HttpResponse<String> readiness = get("/actuator/health/readiness");
    HttpResponse<String> liveness = get("/actuator/health/liveness");
    HttpResponse<String> health = get("/actuator/health");

    assertThat(readiness.statusCode()).isEqualTo(503);
    assertThat(readiness.body()).isEqualTo("{\"status\":\"DOWN\"}");
    assertThat(readiness.headers().firstValue("Content-Type"))
        .hasValue("application/vnd.spring-boot.actuator.v3+json");
    assertThat(liveness.statusCode()).isEqualTo(200);
    assertThat(liveness.body()).isEqualTo("{\"status\":\"UP\"}");
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.body()).contains("\"groups\":[\"liveness\",\"readiness\"]");
  }

  @Test
  void metricsScrapeInTextOrOpenMetricsAsAsked() throws Exception {
    HttpResponse<String> text = get("/actuator/prometheus");
    HttpResponse<String> openMetrics =
        send(
            request("/actuator/prometheus")
                .header("Accept", "application/openmetrics-text;version=1.0.0")
                .build());

    assertThat(text.statusCode()).isEqualTo(200);
    assertThat(text.headers().firstValue("Content-Type"))
        .hasValue("text/plain;version=0.0.4;charset=utf-8");
    assertThat(text.body()).contains("upwatch_checks_in_flight").contains("jvm_memory_used_bytes");
    assertThat(openMetrics.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/openmetrics-text");
    assertThat(openMetrics.body()).endsWith("# EOF\n");
  }

  @Test
  void includedNamesLimitsTheScrapeToThoseSeries() throws Exception {
    HttpResponse<String> one =
        get("/actuator/prometheus?includedNames=upwatch_checks_in_flight,jvm_threads_live_threads");
    HttpResponse<String> repeated =
        get(
            "/actuator/prometheus?includedNames=upwatch_checks_in_flight"
                + "&includedNames=jvm_threads_live_threads");

    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(samples(one.body()))
        .containsExactlyInAnyOrder("upwatch_checks_in_flight", "jvm_threads_live_threads");
    assertThat(samples(repeated.body()))
        .containsExactlyInAnyOrder("upwatch_checks_in_flight", "jvm_threads_live_threads");
    assertThat(samples(get("/actuator/prometheus?includedNames=").body()))
        .contains("upwatch_checks_in_flight", "jvm_memory_used_bytes");
  }

  /** The metric name of each sample line. */
  private static List<String> samples(String body) {
    return body.lines()
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .map(line -> line.split("[{ ]", 2)[0])
        .toList();
  }

  @Test
  void unknownPathsAndOtherMethodsAreRefused() throws Exception {
    assertThat(get("/actuator/healthz").statusCode()).isEqualTo(404);
    assertThat(get("/actuator/health/nope").statusCode()).isEqualTo(404);
    assertThat(get("/actuator/prometheus/x").statusCode()).isEqualTo(404);
    assertThat(get("/").statusCode()).isEqualTo(404);
    HttpResponse<String> post =
        send(request("/actuator/health").POST(HttpRequest.BodyPublishers.noBody()).build());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
  }

  @Test
  void headAnswersWithoutABody() throws Exception {
    HttpResponse<String> head =
        send(
            request("/actuator/health/liveness")
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send(request(path).build());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}

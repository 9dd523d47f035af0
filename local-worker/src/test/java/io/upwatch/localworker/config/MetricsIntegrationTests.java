package io.upwatch.localworker.config;

import static io.upwatch.localworker.support.Fixtures.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.upwatch.common.region.DeploymentRegions;
import io.upwatch.localworker.support.Fixtures;
import io.upwatch.testing.Promtool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The local worker with its loops running, scraped as Prometheus does. Its own context, closed
 * afterwards: running loops would take work from the tests that drive the passes themselves.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {"upwatch.worker.autostart=true", "upwatch.worker.metrics-interval=100ms"})
@ActiveProfiles("test")
@Import(Fixtures.class)
@AutoConfigureMetrics
@DirtiesContext
class MetricsIntegrationTests {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String TASKS = "stream=\"upwatch:tasks:default\"";

  @Autowired Fixtures fixtures;
  @Autowired StringRedisTemplate redis;
  @Autowired TaskQueues queues;
  @LocalServerPort int port;

  long url;

  @BeforeEach
  void scheduleTwoChecksAndStoreOneResult() {
    fixtures.reset();
    Instant due = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
    url = fixtures.url("one", 1, 3600, due);
    fixtures.url("two", 1, 3600, due);
    fixtures.publish(response(url, due, 200));
    await().atMost(WAIT).until(() -> fixtures.tasks().size() == 2);
    await().atMost(WAIT).until(() -> fixtures.count("SELECT count(*) FROM checks") == 1);
  }

  @Test
  void backlogGaugesCountWhatIsWaitingNotWhatTheStreamHolds() {
    var tasks = queues.of(DeploymentRegions.DEFAULT);
    tasks.ensureGroup();
    assertThat(tasks.readNew("probe", 1, Duration.ofSeconds(1))).hasSize(1);

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(scrape())
                    .contains(gauge("length", TASKS, 2))
                    .contains(gauge("lag", "group=\"monitoring-workers\"," + TASKS, 1))
                    .contains(gauge("pending", "group=\"monitoring-workers\"," + TASKS, 1))
                    .contains(gauge("length", "stream=\"upwatch:tasks:default:dead\"", 0))
                    .contains(gauge("length", "stream=\"upwatch:results\"", 1))
                    .contains(gauge("lag", "group=\"local-workers\",stream=\"upwatch:results\"", 0))
                    .contains(
                        gauge("pending", "group=\"local-workers\",stream=\"upwatch:results\"", 0)));
  }

  @Test
  void projectMetricsFollowPrometheusConventions() throws Exception {
    String prometheus = scrape();

    assertThat(prometheus)
        .contains("# TYPE upwatch_schedule_lag_seconds histogram")
        .contains("upwatch_ingest_results_total{outcome=\"stored\"}")
        .contains("upwatch_alerts_total")
        .contains("upwatch_notifications_total")
        .contains("upwatch_stream_lag_entries")
        .contains("upwatch_region_workers{region=\"default\"} 1.0")
        .contains("upwatch_schedule_tasks_skipped_total{region=\"default\"} 0.0");
    assertThat(Promtool.findingsOnProjectMetrics(prometheus))
        .as("promtool check metrics")
        .isEmpty();
  }

  private static String gauge(String name, String labels, int value) {
    return "upwatch_stream_" + name + "_entries{" + labels + "} " + value + ".0";
  }

  private String scrape() throws Exception {
    try (var http = HttpClient.newHttpClient()) {
      var request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
              .build();
      return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
  }
}

package io.upwatch.monitoringworker.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.upwatch.common.CheckResult;
import io.upwatch.common.CheckTask;
import io.upwatch.common.Streams;
import io.upwatch.common.TaskId;
import io.upwatch.common.region.RegionPresence;
import io.upwatch.monitoringworker.TestRedis;
import io.upwatch.testing.Promtool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.RedisStreamCommands.XClaimOptions;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.data.redis.host=127.0.0.1",
      "spring.data.redis.port=6379",
      "upwatch.monitoring.worker-id=it-worker",
      "upwatch.monitoring.region=test-region",
      "upwatch.monitoring.concurrency=50",
      "upwatch.monitoring.read-block=200ms",
      "upwatch.monitoring.lease-time=2s",
      "upwatch.monitoring.max-check-timeout=1s",
      "upwatch.monitoring.reclaim-interval=250ms",
      "upwatch.monitoring.shutdown-grace=2s"
    })
@AutoConfigureMetrics
@DirtiesContext
@Timeout(60)
class MonitoringWorkerIntegrationTests {

  private static final int DATABASE = TestRedis.database(3);
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final AtomicLong urlIds = new AtomicLong(1000);

  private static TargetServer target;

  @Autowired StringRedisTemplate redis;
  @Autowired MeterRegistry meters;
  @LocalServerPort int port;

  private StreamFixture streams;

  @DynamicPropertySource
  static void redisDatabase(DynamicPropertyRegistry registry) {
    registry.add("spring.data.redis.database", () -> DATABASE);
  }

  @BeforeAll
  static void cleanRedisAndStartTarget() throws Exception {
    // Before the worker starts, so it never sees another test class's leftovers.
    RedisClient client = RedisClient.create("redis://127.0.0.1:6379/" + DATABASE);
    try (var connection = client.connect()) {
      connection.sync().flushdb();
    } finally {
      client.shutdown();
    }
    target = new TargetServer();
  }

  @AfterAll
  static void stopTarget() {
    target.close();
  }

  @BeforeEach
  void waitForTheWorker() {
    streams = new StreamFixture(redis, "test-region");
    await().atMost(WAIT).until(streams::groupExists);
  }

  @Test
  void everyTaskGetsExactlyOneResultAndIsAcknowledged() {
    List<CheckTask> tasks = LongStream.range(0, 5).mapToObj(i -> task("/ok")).toList();

    tasks.forEach(streams::addTask);

    await()
        .atMost(WAIT)
        .untilAsserted(() -> tasks.forEach(t -> assertThat(streams.resultsFor(t.id())).hasSize(1)));
    for (CheckTask task : tasks) {
      CheckResult result = streams.resultsFor(task.id()).getFirst();
      assertThat(result.statusCode()).isEqualTo(200);
      assertThat(result.success()).isTrue();
      assertThat(result.workerId()).isEqualTo("it-worker");
      assertThat(result.region()).isEqualTo("test-region");
    }
    await().atMost(WAIT).until(() -> streams.pending() == 0);
  }

  @Test
  void taskStrandedOnADeadWorkerIsReclaimedAfterTheLeaseAndCheckedOnce() throws Exception {
    double reclaimedBefore = counter("upwatch.tasks.reclaimed");
    CheckTask task = task("/stranded");

    streams.strand(task, "dead-worker");

    Thread.sleep(500);
    assertThat(streams.resultsFor(task.id())).as("still within the lease").isEmpty();
    await().atMost(WAIT).until(() -> streams.resultsFor(task.id()).size() == 1);
    await().atMost(WAIT).until(() -> streams.pending() == 0);
    assertThat(streams.resultsFor(task.id())).hasSize(1);
    assertThat(target.hits("/stranded")).isEqualTo(1);
    assertThat(counter("upwatch.tasks.reclaimed")).isGreaterThan(reclaimedBefore);
  }

  @Test
  void malformedEntryIsDeadLetteredAndAcknowledged() {
    var malformed = streams.addRaw(Map.of("id", "not-a-task-id", "url", target.url("/bad")));

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(streams.deadLetters())
                    .anySatisfy(
                        entry -> {
                          assertThat(entry).containsEntry("originalId", malformed.id().getValue());
                          assertThat(entry.get("deadLetterReason")).startsWith("malformed");
                          assertThat(entry).containsEntry("url", target.url("/bad"));
                        }));
    await().atMost(WAIT).until(() -> streams.pending() == 0);
    assertThat(target.hits("/bad")).isZero();
  }

  @Test
  void taskDeliveredTooOftenIsDeadLetteredWithoutACheck() {
    CheckTask task = task("/poison");
    var stranded = streams.strand(task, "crashing-worker");
    var id = stranded.id();
    // As if five workers had taken it and died: the next delivery is the sixth.
    redis
        .opsForStream()
        .claim(
            streams.tasks(stranded.partition()),
            Streams.MONITORING_GROUP,
            "crashing-worker",
            XClaimOptions.minIdle(Duration.ZERO).ids(id).retryCount(5));

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(streams.deadLetters())
                    .anySatisfy(
                        entry -> {
                          assertThat(entry).containsEntry("originalId", id.getValue());
                          assertThat(entry)
                              .containsEntry(
                                  "deadLetterReason", "max-deliveries: delivered 6 times");
                        }));
    await().atMost(WAIT).until(() -> streams.pending() == 0);
    assertThat(streams.resultsFor(task.id())).isEmpty();
    assertThat(target.hits("/poison")).isZero();
    assertThat(counter("upwatch.tasks.dead.lettered")).isPositive();
  }

  @Test
  void aTaskOfAnotherRegionIsNeverConsumedWhileItsOwnRegionsAre() throws Exception {
    var elsewhere = new StreamFixture(redis, "other-region");
    CheckTask foreign = task("/foreign");
    CheckTask own = task("/own");
    var foreignEntry = elsewhere.addTask(foreign);
    redis
        .opsForStream()
        .createGroup(
            elsewhere.tasks(foreignEntry.partition()),
            ReadOffset.from("0-0"),
            Streams.MONITORING_GROUP);

    streams.addTask(own);

    await().atMost(WAIT).until(() -> streams.resultsFor(own.id()).size() == 1);
    Thread.sleep(500);
    assertThat(elsewhere.resultsFor(foreign.id())).isEmpty();
    assertThat(target.hits("/foreign")).isZero();
    assertThat(
            redis
                .opsForStream()
                .consumers(elsewhere.tasks(foreignEntry.partition()), Streams.MONITORING_GROUP))
        .as("the worker never read the other region's stream")
        .isEmpty();
  }

  @Test
  void theWorkerIsLiveInItsRegion() {
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(new RegionPresence(redis).read())
                    .hasEntrySatisfying(
                        "test-region", workers -> assertThat(workers.live()).isEqualTo(1)));
  }

  @Test
  void actuatorExposesHealthAndCheckMetricsInPrometheusConventions() throws Exception {
    CheckTask task = task("/metrics");
    streams.addTask(task);
    await().atMost(WAIT).until(() -> streams.resultsFor(task.id()).size() == 1);

    String health = get("/actuator/health");
    String prometheus = get("/actuator/prometheus");

    assertThat(health).contains("\"status\":\"UP\"");
    assertThat(prometheus)
        .contains("upwatch_checks_total{kind=\"none\",outcome=\"success\"")
        .contains("upwatch_check_latency_seconds_bucket{outcome=\"success\",le=\"0.01\"}")
        .contains("upwatch_checks_in_flight")
        .contains("upwatch_results_overflow_total");
    // No observation per Redis command: at thousands a second it cost more than the queue's work.
    assertThat(prometheus).doesNotContain("lettuce_");
    assertThat(Promtool.findingsOnProjectMetrics(prometheus))
        .as("promtool check metrics")
        .isEmpty();
  }

  private static CheckTask task(String path) {
    return new CheckTask(
        new TaskId(urlIds.incrementAndGet(), Instant.now().truncatedTo(ChronoUnit.MILLIS)),
        target.url(path),
        Duration.ofSeconds(1));
  }

  private double counter(String name) {
    return meters.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
  }

  private String get(String path) throws Exception {
    try (var http = HttpClient.newHttpClient()) {
      var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
      return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
  }
}

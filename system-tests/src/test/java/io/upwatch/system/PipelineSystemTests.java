package io.upwatch.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.upwatch.testing.SelfSignedTls;
import io.upwatch.testing.WebhookReceiver;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The service as it runs in production: one API server, two local workers and two monitoring
 * workers as separate processes from their packaged jars, against one PostgreSQL and one Redis,
 * checking loopback targets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineSystemTests {

  private static final String DATABASE =
      TestStores.database("pipeline_system", "upwatch_system_test");
  private static final int REDIS_DB = TestStores.redisDatabase(6);
  private static final int INTERVAL = 10;
  private static final Duration LEASE = Duration.ofSeconds(8);

  private SystemSuite suite;
  private static final String WEBHOOK_SECRET = "system-test-webhook-secret";

  private TargetServer targets;
  private TargetServer expiringTls;
  private WebhookReceiver receiver;
  private RoleProcess api;
  private RoleProcess monitoringA;
  private UpwatchApi user;

  @BeforeAll
  void startTheSuite() throws Exception {
    suite = SystemSuite.onFreshStores(DATABASE, REDIS_DB);
    targets = suite.closeAtEnd(new TargetServer());
    // An https target whose certificate expires in 3 days, trusted by the roles (only it: they
    // reach nothing else over TLS here).
    Path tls = Files.createTempDirectory("upwatch-system-tls");
    expiringTls = suite.closeAtEnd(TargetServer.https(SelfSignedTls.context(tls, 3)));
    Path trustStore = tls.resolve("trust.p12");
    try (var out = Files.newOutputStream(trustStore)) {
      SelfSignedTls.trustStore(tls).store(out, "changeit".toCharArray());
    }
    receiver = suite.closeAtEnd(new WebhookReceiver(WEBHOOK_SECRET));

    Map<String, String> env = suite.environment();
    env.put("MAX_URL_COUNT", "100");
    env.put("UPWATCH_MONITORING_LEASE_TIME", LEASE.toSeconds() + "s");
    env.put("UPWATCH_MONITORING_MAX_CHECK_TIMEOUT", "5s");
    env.put("UPWATCH_MONITORING_RECLAIM_INTERVAL", "1s");
    env.put("UPWATCH_NOTIFY_RETRY_MAX_DELAY", "5s");
    env.put(
        "JAVA_TOOL_OPTIONS",
        "-Djavax.net.ssl.trustStore="
            + trustStore
            + " -Djavax.net.ssl.trustStorePassword=changeit");

    api = suite.start("api-server", "api", env);
    suite.start(
        "local-worker",
        "local-worker-a",
        SystemSuite.with(env, "UPWATCH_WORKER_CONSUMER_NAME", "lw-a"));
    suite.start(
        "local-worker",
        "local-worker-b",
        SystemSuite.with(env, "UPWATCH_WORKER_CONSUMER_NAME", "lw-b"));
    monitoringA =
        suite.start(
            "monitoring-worker",
            "monitoring-worker-a",
            SystemSuite.with(env, "UPWATCH_MONITORING_WORKER_ID", "mw-a"));
    suite.start(
        "monitoring-worker",
        "monitoring-worker-b",
        SystemSuite.with(env, "UPWATCH_MONITORING_WORKER_ID", "mw-b"));
    suite.awaitReady();
    user = new UpwatchApi(api);
    user.signUpAndLogIn("system", "system-password");
  }

  @AfterAll
  void stopTheSuite() throws Exception {
    if (suite != null) {
      suite.close();
    }
  }

  @Test
  @Order(1)
  void failingUrlRaisesExactlyOneAlertAfterThresholdPlusOneFailuresAndRecoveryResolvesIt()
      throws Exception {
    targets.answer("flaky", 503);
    long url = user.registerUrl("flaky", targets.url("/status/flaky"), 2, INTERVAL);
    long channel = user.createWebhook("hook", receiver.url(), WEBHOOK_SECRET, url);
    receiver.goDown();
    Instant receiverDown = Instant.now();

    await()
        .atMost(Duration.ofSeconds(4L * INTERVAL + 20))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> user.alerts(url).size() == 1);
    assertThat(query("SELECT count(*) FROM checks WHERE url_id = ? AND NOT success", url))
        .as("the alert opened on the third failure")
        .isBetween(3L, 4L);
    assertThat(user.alerts(url).get(0).get("failureCount").asInt()).isEqualTo(3);

    targets.answer("flaky", 200);
    await()
        .atMost(Duration.ofSeconds(2L * INTERVAL + 20))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> !user.alerts(url).get(0).get("open").asBoolean());
    Thread.sleep(Duration.ofSeconds(INTERVAL));
    assertThat(user.alerts(url).size()).as("still exactly one alert").isEqualTo(1);

    // The receiver was down all along: both events wait in the outbox, retried with backoff.
    assertThat(receiver.accepted()).isEmpty();
    var history = user.deliveries(channel);
    assertThat(history).hasSize(2);
    var opened = history.get(1);
    assertThat(opened.get("event").asString()).isEqualTo("alert.opened");
    assertThat(opened.get("status").asString()).isEqualTo("pending");
    assertThat(opened.get("attempts").asInt()).isGreaterThan(1);
    assertThat(opened.get("lastError").asString()).isEqualTo("connection refused or unreachable");
    Thread.sleep(Duration.ofSeconds(60).minus(Duration.between(receiverDown, Instant.now())).abs());
    receiver.comeBack();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> receiver.accepted().size() >= 2);
    Thread.sleep(Duration.ofSeconds(6));
    long alertId = user.alerts(url).get(0).get("id").asLong();
    assertThat(receiver.accepted())
        .as("one signed webhook per event, with two local workers dispatching")
        .extracting(r -> r.eventId() + " " + r.event() + " " + r.signed())
        .containsExactly(
            "alert-" + alertId + "-opened alert.opened true",
            "alert-" + alertId + "-resolved alert.resolved true");
  }

  @Test
  @Order(2)
  void sigkilledMonitoringWorkerLosesNoCheckAndTwoLocalWorkersScheduleNoSlotTwice()
      throws Exception {
    List<Long> urls = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      urls.add(user.registerUrl("slow" + i, targets.url("/slow/" + i), 5, INTERVAL));
    }
    Thread.sleep(Duration.ofSeconds(INTERVAL));
    // Kill it while it holds tasks: they must be reclaimed by the survivor.
    await()
        .atMost(Duration.ofSeconds(3L * INTERVAL))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> pendingOf("mw-a") >= 3);

    monitoringA.kill();
    Instant killedAt = Instant.now();
    // Long enough for the lease to pass, the survivor to reclaim and a few more slots to run.
    Thread.sleep(LEASE.plusSeconds(3L * INTERVAL));

    Instant cutoff = killedAt.plus(LEASE).plusSeconds(INTERVAL);
    for (long url : urls) {
      List<Instant> slots = slots(url, cutoff);
      assertThat(slots).as("url %d has checks", url).hasSizeGreaterThanOrEqualTo(3);
      for (int i = 1; i < slots.size(); i++) {
        assertThat(Duration.between(slots.get(i - 1), slots.get(i)))
            .as("url %d: no slot lost between %s and %s", url, slots.get(i - 1), slots.get(i))
            .isEqualTo(Duration.ofSeconds(INTERVAL));
      }
    }
    Map<String, Long> published =
        TaskStreams.tasks(suite.redis(), "default").stream()
            .collect(Collectors.groupingBy(m -> m.get("id"), Collectors.counting()));
    assertThat(published).isNotEmpty();
    assertThat(published.values()).as("every task id published once").containsOnly(1L);
  }

  @Test
  @Order(3)
  void assertionsTcpDnsAndCertificateMonitorsRaiseTheirAlerts() throws Exception {
    targets.body("health", "{\"status\": \"UP\", \"db\": \"UP\"}");
    targets.body("login", "<html><form id=\"login\"></form></html>");
    long health =
        user.register(
            monitor("health", "HTTP", targets.url("/body/health"))
                + ", \"http\": {\"assertions\": [{\"type\": \"JSON_PATH\", \"path\":"
                + " \"$.status\", \"operator\": \"EQUALS\", \"value\": \"UP\"}]}}");
    long login =
        user.register(
            monitor("login", "HTTP", targets.url("/body/login"))
                + ", \"http\": {\"assertions\": [{\"type\": \"BODY_CONTAINS\", \"value\":"
                + " \"<form\"}]}}");
    int closedPort;
    try (var socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    long tcp = user.register(monitor("db", "TCP", "tcp://127.0.0.1:" + closedPort) + "}");
    long dns = user.register(monitor("name", "DNS", "does-not-exist.invalid") + "}");
    long certificate = user.register(monitor("tls", "HTTP", expiringTls.url("/status/tls")) + "}");

    await()
        .atMost(Duration.ofSeconds(2L * INTERVAL + 10))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                latest(health, "success").equals("true")
                    && latest(login, "success").equals("true"));
    assertThat(user.alerts(health).size() + user.alerts(login).size()).isZero();

    // Still 200, but the health endpoint says DOWN and the login form is gone.
    targets.body("health", "{\"status\": \"DOWN\", \"db\": \"DOWN\"}");
    targets.body("login", "<html><p>Under maintenance</p></html>");
    await()
        .atMost(Duration.ofSeconds(2L * INTERVAL + 10))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                List.of(health, login, tcp, dns, certificate).stream()
                    .allMatch(this::hasOpenAlert));

    assertThat(latest(health, "failureKind")).isEqualTo("ASSERTION");
    assertThat(latest(health, "message"))
        .isEqualTo("JSON_PATH $.status EQUALS \"UP\" failed: saw \"DOWN\"");
    assertThat(latest(login, "message"))
        .isEqualTo("BODY_CONTAINS \"<form\" failed: not in the body");
    assertThat(latest(tcp, "failureKind")).isEqualTo("CONNECT");
    assertThat(latest(dns, "failureKind")).isEqualTo("DNS");
    // The certificate is valid, so the checks succeed; it expires within 14 days, so it alerts.
    assertThat(latest(certificate, "success")).isEqualTo("true");
    var certificateAlert = user.alerts(certificate).get(0);
    assertThat(certificateAlert.get("kind").asString()).isEqualTo("CERTIFICATE_EXPIRY");
    assertThat(Instant.parse(certificateAlert.get("certificateExpiresAt").asString()))
        .isBetween(Instant.now().plus(Duration.ofDays(2)), Instant.now().plus(Duration.ofDays(4)));
  }

  private static String monitor(String name, String kind, String url) {
    return "{\"name\": \"%s\", \"kind\": \"%s\", \"url\": \"%s\", \"threshold\": 0, \"intervalSeconds\": %d, \"timeoutSeconds\": 5"
        .formatted(name, kind, url, INTERVAL);
  }

  private String latest(long url, String field) throws Exception {
    var checks = user.checks(url);
    return checks.isEmpty() ? "" : checks.get(0).path(field).asString("");
  }

  private boolean hasOpenAlert(long url) {
    try {
      var alerts = user.alerts(url);
      return !alerts.isEmpty() && alerts.get(0).get("open").asBoolean();
    } catch (Exception e) {
      return false;
    }
  }

  private long pendingOf(String consumer) {
    return TaskStreams.pendingOf(suite.redis(), "default", consumer);
  }

  private List<Instant> slots(long url, Instant until) throws Exception {
    try (Connection db = connect();
        var statement =
            db.prepareStatement(
                "SELECT slot FROM checks WHERE url_id = ? AND slot <= ? ORDER BY slot")) {
      statement.setLong(1, url);
      statement.setTimestamp(2, java.sql.Timestamp.from(until));
      List<Instant> slots = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          slots.add(rs.getTimestamp(1).toInstant());
        }
      }
      return slots;
    }
  }

  private long query(String sql, long param) throws Exception {
    try (Connection db = connect();
        var statement = db.prepareStatement(sql)) {
      statement.setLong(1, param);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private Connection connect() throws Exception {
    return suite.database();
  }
}

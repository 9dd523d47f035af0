package io.upwatch.monitoringworker.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.upwatch.common.FailureKind;
import io.upwatch.common.outbound.TargetPolicy;
import io.upwatch.common.probe.Assertion;
import io.upwatch.common.probe.Assertion.Operator;
import io.upwatch.common.probe.Assertion.Type;
import io.upwatch.common.probe.ProbeSpec;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** HTTP settings and assertions against a real loopback server. */
@Timeout(30)
class AssertionProbeTests {

  private static final Duration DEADLINE = Duration.ofSeconds(3);
  private static final String HEALTH = "{\"status\":\"UP\",\"checks\":{\"db\":5},\"items\":[1,7]}";

  private static HttpProber prober;
  private static TestServer health;

  @BeforeAll
  static void start() throws Exception {
    prober = new HttpProber(ProbeTestSettings.defaults(), TargetPolicy.anyAddress());
    health = TestServer.start((socket, head, s) -> json(socket, 200, HEALTH));
  }

  @AfterAll
  static void stop() throws Exception {
    prober.close();
    health.close();
  }

  private static ProbeOutcome check(Assertion assertion) throws InterruptedException {
    var spec = new ProbeSpec(null, null, null, null, null, List.of(assertion), null).validate();
    return prober.probe(health.url("/health"), DEADLINE, spec);
  }

  private static Assertion body(Type type, String value) {
    return new Assertion(type, null, null, null, value);
  }

  private static Assertion json(String path, Operator operator, String value) {
    return new Assertion(Type.JSON_PATH, path, null, operator, value);
  }

  private static Assertion header(String name, Operator operator, String value) {
    return new Assertion(Type.HEADER, null, name, operator, value);
  }

  @Test
  void bodyContainsHoldsOnlyWhenTheStringIsThere() throws Exception {
    assertThat(check(body(Type.BODY_CONTAINS, "\"UP\"")).failure()).isNull();
    ProbeOutcome failed = check(body(Type.BODY_CONTAINS, "DOWN"));
    assertThat(failed.failure()).isEqualTo(FailureKind.ASSERTION);
    assertThat(failed.statusCode()).isEqualTo(200);
    assertThat(failed.message()).isEqualTo("BODY_CONTAINS \"DOWN\" failed: not in the body");
  }

  @Test
  void bodyNotContainsFailsWhenTheStringIsThere() throws Exception {
    assertThat(check(body(Type.BODY_NOT_CONTAINS, "DOWN")).failure()).isNull();
    assertThat(check(body(Type.BODY_NOT_CONTAINS, "UP")).message()).contains("found in the body");
  }

  @Test
  void bodyRegexMustFindAMatch() throws Exception {
    assertThat(check(body(Type.BODY_MATCHES, "\"db\":\\s*[0-9]+")).failure()).isNull();
    assertThat(check(body(Type.BODY_MATCHES, "^DOWN")).failure()).isEqualTo(FailureKind.ASSERTION);
  }

  @Test
  void jsonPathEqualsExistsAndComparesNumbers() throws Exception {
    assertThat(check(json("$.status", Operator.EQUALS, "UP")).failure()).isNull();
    assertThat(check(json("$.checks.db", Operator.EXISTS, null)).failure()).isNull();
    assertThat(check(json("$.checks.db", Operator.LT, "10")).failure()).isNull();
    assertThat(check(json("$.checks.db", Operator.GE, "5")).failure()).isNull();
    assertThat(check(json("$.items[*]", Operator.GT, "6")).failure()).isNull();

    assertThat(check(json("$.status", Operator.EQUALS, "DOWN")).message())
        .isEqualTo("JSON_PATH $.status EQUALS \"DOWN\" failed: saw \"UP\"");
    assertThat(check(json("$.checks.cache", Operator.EXISTS, null)).message())
        .endsWith("no such path");
    assertThat(check(json("$.checks.db", Operator.GT, "5")).message()).endsWith("saw \"5\"");
    assertThat(check(json("$.items[*]", Operator.LE, "0")).failure())
        .isEqualTo(FailureKind.ASSERTION);
  }

  @Test
  void headerEqualsOrMatches() throws Exception {
    assertThat(check(header("X-Version", Operator.EQUALS, "1.2.3")).failure()).isNull();
    assertThat(check(header("x-version", Operator.MATCHES, "^1\\.2\\.")).failure()).isNull();
    assertThat(check(header("X-Version", Operator.EQUALS, "2")).message())
        .isEqualTo("HEADER X-Version EQUALS \"2\" failed: saw \"1.2.3\"");
    assertThat(check(header("X-Missing", Operator.EQUALS, "2")).message())
        .endsWith("no such header");
  }

  @Test
  void responseTimeMustStayBelowTheLimit() throws Exception {
    assertThat(check(body(Type.RESPONSE_TIME, "5000")).failure()).isNull();
    try (var slow =
        TestServer.start(
            (socket, head, s) -> {
              Thread.sleep(300);
              json(socket, 200, "{}");
            })) {
      var spec =
          new ProbeSpec(
              null, null, null, null, null, List.of(body(Type.RESPONSE_TIME, "100")), null);
      ProbeOutcome outcome = prober.probe(slow.url("/"), DEADLINE, spec);
      assertThat(outcome.failure()).isEqualTo(FailureKind.ASSERTION);
      assertThat(outcome.message()).startsWith("RESPONSE_TIME < 100 ms failed: took ");
    }
  }

  @Test
  void methodHeadersAndBodyAreSent() throws Exception {
    try (var server = TestServer.start((socket, head, s) -> json(socket, 200, "{}"))) {
      var spec =
          new ProbeSpec(
              "POST",
              Map.of("Authorization", "Bearer s3cret"),
              "{\"q\":1}",
              null,
              null,
              null,
              null);
      ProbeOutcome outcome = prober.probe(server.url("/login"), DEADLINE, spec.validate());

      assertThat(outcome.failure()).isNull();
      String head = server.requests().getFirst();
      assertThat(head).startsWith("POST /login HTTP/1.1");
      assertThat(head).contains("Authorization: Bearer s3cret").contains("Content-Length: 7");
    }
  }

  @Test
  void acceptedStatusesAndRedirectsOffJudgeTheFirstResponse() throws Exception {
    try (var server =
        TestServer.start((socket, head, s) -> HttpProberTests.redirect(socket, "/elsewhere"))) {
      var redirectIsFine = new ProbeSpec(null, null, null, false, "301-302", null, null);
      assertThat(prober.probe(server.url("/"), DEADLINE, redirectIsFine).failure()).isNull();

      var only200 = new ProbeSpec(null, null, null, false, "200", null, null);
      ProbeOutcome refused = prober.probe(server.url("/"), DEADLINE, only200);
      assertThat(refused.failure()).isEqualTo(FailureKind.STATUS);
      assertThat(refused.statusCode()).isEqualTo(302);
      assertThat(refused.message()).isEqualTo("status 302 is not in 200");
    }
  }

  @Test
  void hostileRegexStopsAtItsTimeBudget() throws Exception {
    String body = "a".repeat(40_000) + "!";
    try (var server = TestServer.start((socket, head, s) -> json(socket, 200, body))) {
      var spec =
          new ProbeSpec(
              null, null, null, null, null, List.of(body(Type.BODY_MATCHES, "^(a|aa)+$")), null);
      long start = System.nanoTime();
      ProbeOutcome outcome = prober.probe(server.url("/"), DEADLINE, spec);
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(outcome.failure()).isEqualTo(FailureKind.ASSERTION);
      assertThat(took).isLessThan(Duration.ofSeconds(2));
    }
  }

  @Test
  void hostileJsonCannotRunAway() throws Exception {
    String deep = "[".repeat(60_000);
    String wide = "{\"a\":[" + "{\"b\":{\"c\":1}},".repeat(3_000) + "{}]}";
    try (var nested = TestServer.start((socket, head, s) -> json(socket, 200, deep));
        var broad = TestServer.start((socket, head, s) -> json(socket, 200, wide))) {
      var exists =
          new ProbeSpec(
              null, null, null, null, null, List.of(json("$..c", Operator.GT, "1")), null);
      long start = System.nanoTime();
      ProbeOutcome deepOutcome = prober.probe(nested.url("/"), DEADLINE, exists);
      ProbeOutcome wideOutcome = prober.probe(broad.url("/"), DEADLINE, exists);
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(deepOutcome.message()).endsWith("body is not JSON");
      assertThat(wideOutcome.message()).contains("saw");
      assertThat(took).isLessThan(Duration.ofSeconds(3));
    }
  }

  private static void json(Socket socket, int status, String body) throws Exception {
    TestServer.write(
        socket,
        ("HTTP/1.1 %d Status\r\nContent-Type: application/json\r\nX-Version: 1.2.3\r\n"
                + "Content-Length: %d\r\nConnection: close\r\n\r\n%s")
            .formatted(status, body.length(), body));
  }
}

package io.upwatch.monitoringworker.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.upwatch.common.FailureKind;
import io.upwatch.common.outbound.TargetPolicy;
import io.upwatch.testing.SelfSignedTls;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class HttpProberTests {

  private static final Duration DEADLINE = Duration.ofMillis(1500);
  private static final Duration DEADLINE_MARGIN = Duration.ofSeconds(1);
  private static final Duration HANG_UP_WAIT = Duration.ofSeconds(2);

  private static HttpProber prober;

  @BeforeAll
  static void startProber() throws Exception {
    prober = new HttpProber(ProbeTestSettings.defaults(), TargetPolicy.anyAddress());
  }

  @AfterAll
  static void stopProber() throws Exception {
    prober.close();
  }

  @Test
  void okResponseIsReportedWithItsStatus() throws Exception {
    try (var server = TestServer.start((socket, head, s) -> respond(socket, 200, "ok"))) {
      ProbeOutcome outcome = probe(server.url("/health"));

      assertThat(outcome.statusCode()).isEqualTo(200);
      assertThat(outcome.failure()).isNull();
      assertThat(outcome.latency()).isPositive();
    }
  }

  @Test
  void serverErrorIsAResponseThatFailsOnItsStatus() throws Exception {
    try (var server = TestServer.start((socket, head, s) -> respond(socket, 503, "down"))) {
      ProbeOutcome outcome = probe(server.url("/"));

      assertThat(outcome.statusCode()).isEqualTo(503);
      assertThat(outcome.failure()).isEqualTo(FailureKind.STATUS);
    }
  }

  @Test
  void everyCheckOpensAFreshConnectionAndIdentifiesItself() throws Exception {
    // The server would keep the connection open for reuse; the worker must not reuse it.
    try (var server =
        TestServer.start(
            (socket, head, s) -> {
              TestServer.write(socket, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
              s.awaitHangUp(socket);
            })) {
      probe(server.url("/one"));
      probe(server.url("/two"));

      assertThat(server.acceptedConnections()).isEqualTo(2);
      assertThat(server.requests())
          .allSatisfy(
              head ->
                  assertThat(head)
                      .contains("User-Agent: Upwatch/test (+uptime check)")
                      .containsIgnoringCase("Connection: close"));
    }
  }

  @Test
  void headersTricklingAByteASecondTimeOut() throws Exception {
    try (var server =
        TestServer.start((socket, head, s) -> trickle(socket, "HTTP/1.1 200 OK\r\n", s))) {
      assertFailsWithinDeadline(server.url("/"), FailureKind.TIMEOUT);
      assertThat(server.clientHungUpWithin(HANG_UP_WAIT)).isTrue();
    }
  }

  @Test
  void bodyTricklingAByteASecondTimesOut() throws Exception {
    try (var server =
        TestServer.start(
            (socket, head, s) -> {
              TestServer.write(socket, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n");
              trickle(socket, "x".repeat(100), s);
            })) {
      assertFailsWithinDeadline(server.url("/"), FailureKind.TIMEOUT);
      assertThat(server.clientHungUpWithin(HANG_UP_WAIT)).isTrue();
    }
  }

  @Test
  void endlessBodyIsCutOffAtTheLimitAndStillSucceeds() throws Exception {
    try (var server =
        TestServer.start(
            (socket, head, s) -> {
              TestServer.write(socket, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n");
              byte[] chunk = new byte[8192];
              try {
                while (true) {
                  socket.getOutputStream().write(chunk);
                }
              } catch (java.io.IOException e) {
                s.noteHangUp();
              }
            })) {
      ProbeOutcome outcome = prober.probe(server.url("/stream"), Duration.ofSeconds(10));

      assertThat(outcome.statusCode()).isEqualTo(200);
      assertThat(outcome.latency()).isLessThan(Duration.ofSeconds(10));
      assertThat(server.clientHungUpWithin(HANG_UP_WAIT)).isTrue();
    }
  }

  @Test
  void redirectLoopFailsAsTooManyRedirects() throws Exception {
    try (var server =
        TestServer.start(
            (socket, head, s) -> redirect(socket, head.startsWith("GET /a ") ? "/b" : "/a"))) {
      assertFailsWithinDeadline(server.url("/a"), FailureKind.TOO_MANY_REDIRECTS);
      assertThat(server.acceptedConnections()).isEqualTo(2);
    }
  }

  @Test
  void redirectChainLongerThanTheLimitFails() throws Exception {
    try (var server =
        TestServer.start(
            (socket, head, s) -> {
              int hop = Integer.parseInt(head.substring("GET /".length(), head.indexOf(' ', 4)));
              redirect(socket, "/" + (hop + 1));
            })) {
      assertFailsWithinDeadline(server.url("/0"), FailureKind.TOO_MANY_REDIRECTS);
      assertThat(server.acceptedConnections()).isEqualTo(11);
    }
  }

  @Test
  void redirectsWithinTheLimitAreFollowedToTheFinalStatus() throws Exception {
    try (var server =
        TestServer.start(
            (socket, head, s) -> {
              if (head.startsWith("GET /final ")) {
                respond(socket, 204, "");
              } else {
                redirect(socket, "http://localhost:" + s.port() + "/final");
              }
            })) {
      assertThat(probe(server.url("/start")).statusCode()).isEqualTo(204);
    }
  }

  @Test
  void acceptThenSilenceTimesOut() throws Exception {
    try (var server = TestServer.start((socket, head, s) -> s.awaitHangUp(socket))) {
      assertFailsWithinDeadline(server.url("/"), FailureKind.TIMEOUT);
      assertThat(server.clientHungUpWithin(HANG_UP_WAIT)).isTrue();
    }
  }

  @Test
  void refusedConnectionFailsAsConnect() throws Exception {
    int closedPort;
    try (var socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    assertFailsWithinDeadline("http://127.0.0.1:" + closedPort + "/", FailureKind.CONNECT);
  }

  @Test
  void unresolvableHostFailsAsDns() throws Exception {
    assertFailsWithinDeadline("http://no-such-host.upwatch.invalid/", FailureKind.DNS);
  }

  @Test
  void selfSignedCertificateFailsAsTls(@TempDir Path keys) throws Exception {
    try (var server =
        TestServer.start(
            SelfSignedTls.serverSockets(keys), (socket, head, s) -> respond(socket, 200, "ok"))) {
      String url = "https://127.0.0.1:" + server.port() + "/";

      assertFailsWithinDeadline(url, FailureKind.TLS);
      assertThat(server.requests()).isEmpty();
    }
  }

  @Test
  void connectionResetBeforeAResponseFailsAsReset() throws Exception {
    try (var server =
        TestServer.start(
            (socket, head, s) -> {
              socket.setSoLinger(true, 0);
              socket.close();
            })) {
      assertFailsWithinDeadline(server.url("/"), FailureKind.RESET);
    }
  }

  @Test
  void connectionClosedWithoutAResponseFailsAsReset() throws Exception {
    try (var server = TestServer.start((socket, head, s) -> socket.close())) {
      assertFailsWithinDeadline(server.url("/"), FailureKind.RESET);
    }
  }

  @Test
  void garbageInsteadOfHttpFailsAsProtocol() throws Exception {
    try (var server =
        TestServer.start(
            (socket, head, s) -> TestServer.write(socket, "SSH-2.0-OpenSSH\r\n\r\n"))) {
      assertFailsWithinDeadline(server.url("/"), FailureKind.PROTOCOL);
    }
  }

  @Test
  void urlThatIsNotHttpFailsWithoutAConnection() throws Exception {
    assertFailsWithinDeadline("ftp://example.com/file", FailureKind.OTHER);
  }

  private static ProbeOutcome probe(String url) throws InterruptedException {
    return prober.probe(url, DEADLINE);
  }

  private static void assertFailsWithinDeadline(String url, FailureKind kind) throws Exception {
    long start = System.nanoTime();
    ProbeOutcome outcome = probe(url);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

    assertThat(outcome.failure()).isEqualTo(kind);
    assertThat(outcome.statusCode()).isNull();
    assertThat(elapsed).isLessThanOrEqualTo(DEADLINE.plus(DEADLINE_MARGIN));
    assertThat(outcome.latency()).isLessThanOrEqualTo(elapsed);
  }

  static void respond(Socket socket, int status, String body) throws Exception {
    TestServer.write(
        socket,
        "HTTP/1.1 %d Status\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s"
            .formatted(status, body.length(), body));
  }

  static void redirect(Socket socket, String location) throws Exception {
    TestServer.write(
        socket,
        "HTTP/1.1 302 Found\r\nLocation: %s\r\nContent-Length: 0\r\n\r\n".formatted(location));
  }

  /** Sends one byte a second, and notices at once when the client gives up. */
  private static void trickle(Socket socket, String text, TestServer server) throws Exception {
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                server.awaitHangUp(socket);
              } catch (java.io.IOException e) {
                server.noteHangUp();
              }
            });
    try {
      for (char c : text.toCharArray()) {
        socket.getOutputStream().write(c);
        socket.getOutputStream().flush();
        Thread.sleep(1000);
      }
    } catch (java.io.IOException e) {
      server.noteHangUp();
    }
  }
}

package io.upwatch.monitoringworker.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.upwatch.common.FailureKind;
import io.upwatch.common.outbound.TargetPolicy;
import io.upwatch.common.probe.ProbeSpec;
import io.upwatch.testing.SelfSignedTls;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
  void theConnectionEndsWithAResetOnceTheResponseIsRead() throws Exception {
    // A reset leaves no TIME_WAIT socket at either end; a graceful close would read as an end of
    // stream here.
    var ending = new CompletableFuture<String>();
    try (var server =
        TestServer.start(
            (socket, head, s) -> {
              respond(socket, 200, "ok");
              try {
                ending.complete(socket.getInputStream().read() < 0 ? "end of stream" : "data");
              } catch (SocketException e) {
                ending.complete(e.getMessage());
              }
            })) {
      assertThat(probe(server.url("/")).statusCode()).isEqualTo(200);

      assertThat(ending.get(HANG_UP_WAIT.toMillis(), TimeUnit.MILLISECONDS))
          .isEqualTo("Connection reset");
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
  void endlessHeadersFailAsProtocolAtTheHeaderLimit() throws Exception {
    try (var server =
        TestServer.start(
            (socket, head, s) -> {
              TestServer.write(socket, "HTTP/1.1 200 OK\r\n");
              try {
                for (int i = 0; ; i++) {
                  TestServer.write(socket, "X-Junk-" + i + ": " + "a".repeat(100) + "\r\n");
                }
              } catch (java.io.IOException e) {
                s.noteHangUp();
              }
            })) {
      assertFailsWithinDeadline(server.url("/"), FailureKind.PROTOCOL);
      assertThat(server.clientHungUpWithin(HANG_UP_WAIT)).isTrue();
    }
  }

  @Test
  void headResponseIsDoneAtItsHeadersWhateverItsLengthSays() throws Exception {
    try (var server =
        TestServer.start(
            (socket, head, s) -> {
              TestServer.write(socket, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
              s.awaitHangUp(socket);
            })) {
      var head = new ProbeSpec("HEAD", null, null, null, null, null, null).validate();
      ProbeOutcome outcome = prober.probe(server.url("/"), DEADLINE, head);

      assertThat(outcome.failure()).isNull();
      assertThat(outcome.latency()).isLessThan(DEADLINE);
      assertThat(server.requests().getFirst()).startsWith("HEAD / HTTP/1.1");
    }
  }

  @Test
  // In a thread of its own: without the deadline, the check would block the test thread for good.
  @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void tlsHandshakeTrickledAByteAtATimeEndsAtTheDeadline() throws Exception {
    // A TLS record header announcing 16 KiB, then its bytes one every 100 ms: every read gets a
    // byte in time, so only the deadline over the whole exchange can end it.
    try (var listener = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      var hungUp = new java.util.concurrent.CountDownLatch(1);
      threads.execute(
          () -> {
            try (Socket socket = listener.accept()) {
              var out = socket.getOutputStream();
              out.write(new byte[] {0x16, 0x03, 0x03, 0x40, 0x00});
              for (int i = 0; i < 16_384; i++) {
                out.write(0x02);
                out.flush();
                Thread.sleep(100);
              }
            } catch (Exception e) {
              hungUp.countDown();
            }
          });
      String url = "https://127.0.0.1:" + listener.getLocalPort() + "/";

      assertFailsWithinDeadline(url, FailureKind.TIMEOUT);
      assertThat(hungUp.await(HANG_UP_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS))
          .isTrue();
    }
  }

  @Test
  // In a thread of its own: without the deadline, the check would block the test thread for good.
  @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void requestTheTargetNeverReadsEndsAtTheDeadline() throws Exception {
    // The target reads nothing, with a small receive window, and the request is the largest a spec
    // allows: whether it still fits in the socket buffers or its write blocks, the check ends at
    // its deadline.
    try (var listener = new ServerSocket()) {
      listener.setReceiveBufferSize(1024);
      listener.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
      Thread.ofVirtual()
          .start(
              () -> {
                try (Socket socket = listener.accept()) {
                  Thread.sleep(10_000);
                } catch (Exception e) {
                  // the test is over
                }
              });
      var headers = new java.util.HashMap<String, String>();
      for (int i = 0; i < ProbeSpec.MAX_HEADERS; i++) {
        headers.put("X-Filler-" + i, "f".repeat(ProbeSpec.MAX_HEADER_VALUE_LENGTH));
      }
      var spec =
          new ProbeSpec(
                  "POST", headers, "b".repeat(ProbeSpec.MAX_BODY_LENGTH), null, null, null, null)
              .validate();
      String url = "http://127.0.0.1:" + listener.getLocalPort() + "/";

      long start = System.nanoTime();
      ProbeOutcome outcome = prober.probe(url, DEADLINE, spec);

      assertThat(outcome.failure()).isEqualTo(FailureKind.TIMEOUT);
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isLessThanOrEqualTo(DEADLINE.plus(DEADLINE_MARGIN));
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
  void connectThatNeverCompletesEndsAtTheDeadline() throws Exception {
    try (var listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        var queued = fillAcceptQueue(listener)) {
      long start = System.nanoTime();
      ProbeOutcome outcome = probe("http://127.0.0.1:" + listener.getLocalPort() + "/");

      assertThat(outcome.failure()).isEqualTo(FailureKind.TIMEOUT);
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isBetween(DEADLINE, DEADLINE.plus(DEADLINE_MARGIN));
    }
  }

  @Test
  void connectThatNeverCompletesFailsAsConnectAtTheConnectTimeout() throws Exception {
    var connectTimeout = Duration.ofMillis(300);
    var defaults = ProbeTestSettings.defaults();
    var settings =
        new ProbeSettings(
            connectTimeout, defaults.maxBodyBytes(), defaults.maxRedirects(), defaults.userAgent());
    try (var listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        var queued = fillAcceptQueue(listener);
        var quickToGiveUp = new HttpProber(settings, TargetPolicy.anyAddress())) {
      long start = System.nanoTime();
      ProbeOutcome outcome =
          quickToGiveUp.probe("http://127.0.0.1:" + listener.getLocalPort() + "/", DEADLINE);

      assertThat(outcome.failure()).isEqualTo(FailureKind.CONNECT);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(connectTimeout, DEADLINE);
    }
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

  /**
   * Connections that fill {@code listener}'s accept queue (it never accepts): the kernel then drops
   * further handshakes' first packet, so their connects wait until they give up.
   */
  private static AutoCloseable fillAcceptQueue(ServerSocket listener) throws Exception {
    var queued = new java.util.ArrayList<Socket>();
    while (true) {
      var socket = new Socket();
      try {
        socket.connect(listener.getLocalSocketAddress(), 200);
        queued.add(socket);
      } catch (java.net.SocketTimeoutException full) {
        socket.close();
        break;
      }
    }
    return () -> {
      for (Socket socket : queued) {
        socket.close();
      }
    };
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

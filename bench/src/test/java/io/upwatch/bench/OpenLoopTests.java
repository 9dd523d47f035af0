package io.upwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenLoopTests {

  private HttpServer server;
  private final HttpClient http =
      HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();

  /** A loopback server answering {@code status} after {@code millis}, one request at a time. */
  private URI serve(int status, long millis) throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1000);
    server.setExecutor(Executors.newSingleThreadExecutor());
    server.createContext(
        "/",
        exchange -> {
          try {
            Thread.sleep(millis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
    URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    // The client's first request loads its classes and connects: not what the tests measure.
    http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
    return uri;
  }

  @AfterEach
  void stop() {
    server.stop(0);
    http.close();
  }

  @Test
  void aServerThatKeepsUpIsAnsweredAtTheOfferedRateWithoutErrors() throws Exception {
    URI uri = serve(200, 0);

    Map<String, Object> m =
        OpenLoop.run(http, 100, 2, 100, i -> HttpRequest.newBuilder(uri).build());

    assertThat(m)
        .containsEntry("answered", 200)
        .containsEntry("errors", 0)
        .containsEntry("shed", 0);
    assertThat((double) m.get("p50Ms")).isLessThan(250);
  }

  @Test
  void aServerThatFallsBehindIsChargedForTheRequestsQueuedBehindIt() throws Exception {
    // 50 ms a request, one at a time: 20 a second against 40 offered. Measured from when each
    // request was due, the last ones have waited about a second; a closed loop would say 50 ms.
    URI uri = serve(200, 50);

    Map<String, Object> m =
        OpenLoop.run(http, 40, 2, 1000, i -> HttpRequest.newBuilder(uri).build());

    assertThat(m).containsEntry("answered", 80).containsEntry("shed", 0);
    assertThat((double) m.get("p50Ms")).isGreaterThan(500);
    assertThat((double) m.get("maxMs")).isGreaterThan(1500);
  }

  @Test
  void answersOtherThan200AreErrorsAndRequestsBeyondTheInFlightCapAreShed() throws Exception {
    URI uri = serve(503, 100);

    Map<String, Object> m = OpenLoop.run(http, 50, 1, 2, i -> HttpRequest.newBuilder(uri).build());

    int answered = (int) m.get("answered");
    assertThat(m.get("errors")).isEqualTo(answered);
    assertThat((int) m.get("shed")).isPositive().isEqualTo(50 - answered);
  }
}

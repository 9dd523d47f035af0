package io.upwatch.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.concurrent.Executors;

/**
 * Loopback targets for benchmarks: one server on each of {@code 127.0.0.2 .. 127.0.0.(1+addresses)}
 * at {@code port}, so that new connections are spread over many destinations (one destination caps
 * new connections a second by its ephemeral ports).
 *
 * <p>Paths: {@code /ok/<n>} 200; {@code /fail/<n>} 503; {@code /slow/<n>} 200 after 200 ms; {@code
 * /flap/<n>} 200 in even minutes, 503 in odd ones; {@code /hang/<n>} never answers.
 */
public final class TargetFarm {

  private static final byte[] BODY = "ok\n".getBytes();

  private TargetFarm() {}

  public static void main(String[] args) throws IOException {
    int addresses = Integer.parseInt(args.length > 0 ? args[0] : "32");
    int port = Integer.parseInt(args.length > 1 ? args[1] : "9100");
    var executor = Executors.newVirtualThreadPerTaskExecutor();
    for (int i = 0; i < addresses; i++) {
      var server = HttpServer.create(new InetSocketAddress(address(i), port), 1024);
      server.setExecutor(executor);
      server.createContext("/", TargetFarm::handle);
      server.start();
    }
    System.out.println("target farm ready: " + addresses + " addresses, port " + port);
  }

  /** The i-th farm address. */
  public static String address(int i) {
    return "127.0.0." + (2 + i);
  }

  private static void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    int status = 200;
    try {
      if (path.startsWith("/fail/")) {
        status = 503;
      } else if (path.startsWith("/slow/")) {
        Thread.sleep(200);
      } else if (path.startsWith("/flap/")) {
        status = (Instant.now().getEpochSecond() / 60) % 2 == 0 ? 200 : 503;
      } else if (path.startsWith("/hang/")) {
        Thread.sleep(60_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    exchange.sendResponseHeaders(status, BODY.length);
    try (OutputStream body = exchange.getResponseBody()) {
      body.write(BODY);
    }
  }
}

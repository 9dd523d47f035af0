package io.upwatch.system;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * The monitored targets, on loopback: {@code /status/<name>} answers the status set for that name
 * (200 by default), {@code /body/<name>} answers 200 with the body set for that name, {@code
 * /slow/<name>} answers 200 after two seconds, {@code /region/<name>} fails for checks from chosen
 * regions only.
 */
final class TargetServer implements AutoCloseable {

  private final HttpServer server;
  private final String scheme;
  private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final Map<String, String> bodies = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> failingRegions = new ConcurrentHashMap<>();

  TargetServer() throws IOException {
    this(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256), "http");
  }

  /** The same targets over https, presenting the context's certificate. */
  static TargetServer https(SSLContext tls) throws IOException {
    HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    return new TargetServer(server, "https");
  }

  private TargetServer(HttpServer server, String scheme) {
    this.server = server;
    this.scheme = scheme;
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        "/status/",
        exchange -> {
          String name = exchange.getRequestURI().getPath().substring("/status/".length());
          hits.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
          exchange.sendResponseHeaders(statuses.getOrDefault(name, 200), -1);
          exchange.close();
        });
    server.createContext(
        "/body/",
        exchange -> {
          String name = exchange.getRequestURI().getPath().substring("/body/".length());
          byte[] body = bodies.getOrDefault(name, "").getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.createContext(
        "/region/",
        exchange -> {
          String name = exchange.getRequestURI().getPath().substring("/region/".length());
          String agent = String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent"));
          boolean failing =
              failingRegions.getOrDefault(name, Set.of()).stream()
                  .anyMatch(region -> agent.endsWith(" region/" + region));
          exchange.sendResponseHeaders(failing ? 503 : 200, -1);
          exchange.close();
        });
    server.createContext(
        "/slow/",
        exchange -> {
          try {
            Thread.sleep(2000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
  }

  String url(String path) {
    return scheme + "://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** Makes {@code /body/<name>} answer 200 with this body. */
  void body(String name, String body) {
    bodies.put(name, body);
  }

  /**
   * Makes {@code /region/<name>} answer 503 to checks from these regions (a User-Agent ending in
   * {@code " region/<region>"}) and 200 to every other.
   */
  void failFor(String name, String... regions) {
    failingRegions.put(name, Set.of(regions));
  }

  void answer(String name, int status) {
    statuses.put(name, status);
  }

  /** How many requests {@code /status/<name>} has received. */
  int hits(String name) {
    AtomicInteger count = hits.get(name);
    return count == null ? 0 : count.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

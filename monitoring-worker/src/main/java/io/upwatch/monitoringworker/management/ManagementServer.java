package io.upwatch.monitoringworker.management;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The worker's HTTP server: the JDK's, a request per virtual thread, GET and HEAD only. Publishes
 * the bound port as {@code local.server.port}, as Boot's servers do.
 */
final class ManagementServer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ManagementServer.class);
  private static final int BACKLOG = 64;

  private final ManagementServerProperties properties;
  private final Map<String, HttpHandler> routes;
  private final ConfigurableEnvironment environment;
  private HttpServer server;
  private ExecutorService requests;

  ManagementServer(
      ManagementServerProperties properties,
      Map<String, HttpHandler> routes,
      ConfigurableEnvironment environment) {
    this.properties = properties;
    this.routes = routes;
    this.environment = environment;
  }

  @Override
  public void start() {
    if (properties.port() < 0) {
      // As with Boot's own servers: -1 switches the server off.
      log.info("No health and metrics server (server.port is {})", properties.port());
      return;
    }
    var address =
        properties.address() == null
            ? new InetSocketAddress(properties.port())
            : new InetSocketAddress(properties.address(), properties.port());
    try {
      server = HttpServer.create(address, BACKLOG);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on " + address, e);
    }
    routes.forEach((path, handler) -> server.createContext(path, checked(path, handler)));
    requests = Executors.newVirtualThreadPerTaskExecutor();
    server.setExecutor(requests);
    server.start();
    int port = server.getAddress().getPort();
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource("server.ports", Map.of("local.server.port", port)));
    log.info("Health and metrics on port {}", port);
  }

  @Override
  public void stop() {
    if (server == null) {
      return;
    }
    server.stop(0);
    requests.close();
    server = null;
  }

  @Override
  public boolean isRunning() {
    return server != null;
  }

  /**
   * GET and HEAD only; a route ending with a slash takes the paths below it, any other exactly its
   * own path (the JDK's server matches any path that starts with a route's).
   */
  private static HttpHandler checked(String route, HttpHandler handler) {
    return exchange -> {
      try (exchange) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        if (!route.endsWith("/") && !path.equals(route)) {
          exchange.sendResponseHeaders(404, -1);
        } else if (method.equals("GET") || method.equals("HEAD")) {
          handler.handle(exchange);
        } else {
          exchange.getResponseHeaders().set("Allow", "GET, HEAD");
          exchange.sendResponseHeaders(405, -1);
        }
      }
    };
  }

  /** Sends {@code body} with {@code status}; HEAD gets the headers alone. */
  static void respond(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    if (body == null) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", contentType);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      exchange.getResponseBody().write(body);
    }
  }
}

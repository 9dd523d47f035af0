package io.upwatch.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A loopback webhook receiver for tests: answers with scripted statuses (then 200), can go down
 * (port closed) and come back on the same port, and keeps every accepted request with the result of
 * its own signature check, computed here independently of Upwatch's code.
 */
public final class WebhookReceiver implements AutoCloseable {

  /** One request answered with 2xx. */
  public record Received(
      String eventId, String event, long timestamp, String body, boolean signed) {}

  private final String secret;
  private final int port;
  private final Queue<Integer> script = new ConcurrentLinkedQueue<>();
  private final Queue<Received> received = new ConcurrentLinkedQueue<>();
  private volatile HttpServer server;

  public WebhookReceiver(String secret) throws IOException {
    this.secret = secret;
    this.server = listen(0);
    this.port = server.getAddress().getPort();
  }

  public String url() {
    return "http://127.0.0.1:" + port + "/hooks/upwatch";
  }

  /** The next requests are answered with these statuses, in order. */
  public void answer(Integer... statuses) {
    script.addAll(List.of(statuses));
  }

  /** Closes the port: senders get connection refused. */
  public synchronized void goDown() {
    server.stop(0);
  }

  /** Listens again on the same port. */
  public synchronized void comeBack() throws IOException {
    server = listen(port);
  }

  /** Requests answered with 2xx, in arrival order. */
  public List<Received> accepted() {
    return List.copyOf(received);
  }

  private HttpServer listen(int onPort) throws IOException {
    HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
    created.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    created.createContext("/", this::handle);
    created.start();
    return created;
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    var headers = exchange.getRequestHeaders();
    long timestamp = Long.parseLong(headers.getFirst("Upwatch-Timestamp"));
    boolean signed = signature(timestamp, body).equals(headers.getFirst("Upwatch-Signature"));
    Integer scripted = script.poll();
    int status = scripted == null ? 200 : scripted;
    if (status / 100 == 2) {
      received.add(
          new Received(
              headers.getFirst("Upwatch-Event-Id"),
              headers.getFirst("Upwatch-Event"),
              timestamp,
              new String(body, StandardCharsets.UTF_8),
              signed));
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  // v1= hex HMAC-SHA256(secret, "<timestamp>.<body>"), as the README documents for receivers.
  private String signature(long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

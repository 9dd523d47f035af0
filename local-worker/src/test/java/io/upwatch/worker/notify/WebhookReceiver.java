package io.upwatch.worker.notify;

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
 * A loopback webhook receiver: answers with scripted statuses (then 200), and keeps every request
 * whose signature it verified itself, with its own HMAC code, not Upwatch's.
 */
final class WebhookReceiver implements AutoCloseable {

  /** One request as received. */
  record Received(String eventId, String event, long timestamp, String body, boolean signed) {}

  private final HttpServer server;
  private final String secret;
  private final Queue<Integer> script = new ConcurrentLinkedQueue<>();
  private final Queue<Received> received = new ConcurrentLinkedQueue<>();

  WebhookReceiver(String secret) throws IOException {
    this.secret = secret;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/upwatch";
  }

  /** The next requests are answered with these statuses, in order. */
  void answer(Integer... statuses) {
    script.addAll(List.of(statuses));
  }

  /** Requests answered with 2xx. */
  List<Received> accepted() {
    return List.copyOf(received);
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    var headers = exchange.getRequestHeaders();
    long timestamp = Long.parseLong(headers.getFirst("Upwatch-Timestamp"));
    boolean signed = expected(timestamp, body).equals(headers.getFirst("Upwatch-Signature"));
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

  private String expected(long timestamp, byte[] body) {
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

package io.upwatch.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bench's webhook receiver: notes when each event id first arrives and counts repeats. The
 * notification latency is that arrival minus the alert row's time (opened or resolved).
 */
final class WebhookSink implements AutoCloseable {

  static final String SECRET = "bench-webhook-secret-0123456789";

  private final HttpServer server;
  private final Map<String, Instant> firstArrival = new ConcurrentHashMap<>();
  private final AtomicLong repeats = new AtomicLong();

  WebhookSink(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        "/hook",
        exchange -> {
          Instant now = Instant.now();
          exchange.getRequestBody().readAllBytes();
          String eventId = exchange.getRequestHeaders().getFirst("Upwatch-Event-Id");
          if (eventId != null && firstArrival.putIfAbsent(eventId, now) != null) {
            repeats.incrementAndGet();
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /**
   * Latency of the opened and resolved webhooks of every alert triggered by a slot before {@code
   * until} whose event arrived.
   */
  Map<String, Object> measure(Connection db, Instant until) throws Exception {
    List<Double> latencies = new ArrayList<>();
    long events = 0;
    try (var q =
        db.prepareStatement(
            "SELECT id, opened_at, resolved_at FROM alerts WHERE trigger_slot < ?")) {
      q.setTimestamp(1, Timestamp.from(until));
      ResultSet rs = q.executeQuery();
      while (rs.next()) {
        events += add(latencies, "alert-" + rs.getLong(1) + "-opened", rs.getTimestamp(2));
        events += add(latencies, "alert-" + rs.getLong(1) + "-resolved", rs.getTimestamp(3));
      }
    }
    latencies.sort(Double::compare);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("alertEvents", events);
    m.put("webhooksReceived", (long) latencies.size());
    m.put("webhookRepeats", repeats.get());
    m.put("notificationLatencyP50Ms", ProberBench.round(percentile(latencies, 0.5)));
    m.put("notificationLatencyP99Ms", ProberBench.round(percentile(latencies, 0.99)));
    m.put("notificationLatencyMaxMs", ProberBench.round(percentile(latencies, 1.0)));
    return m;
  }

  private int add(List<Double> latencies, String eventId, Timestamp at) {
    if (at == null) {
      return 0;
    }
    Instant arrived = firstArrival.get(eventId);
    if (arrived != null) {
      latencies.add((arrived.toEpochMilli() - at.toInstant().toEpochMilli()) * 1.0);
    }
    return 1;
  }

  private static double percentile(List<Double> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

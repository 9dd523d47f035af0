package io.upwatch.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.ResultSet;
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

  static final String URL = "http://127.0.0.1:9199/hook";
  static final String SECRET = "bench-webhook-secret-0123456789";

  private final HttpServer server;
  private final Map<String, Instant> firstArrival = new ConcurrentHashMap<>();
  private final AtomicLong repeats = new AtomicLong();

  WebhookSink() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 9199), 512);
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

  /** Latency of the opened and resolved webhooks of every alert whose event arrived. */
  Map<String, Object> measure(Connection db) throws Exception {
    List<Double> latencies = new ArrayList<>();
    long events = 0;
    try (var q = db.createStatement();
        ResultSet rs =
            q.executeQuery(
                """
                SELECT id, opened_at, resolved_at FROM alerts
                """)) {
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

  private int add(List<Double> latencies, String eventId, java.sql.Timestamp at) {
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

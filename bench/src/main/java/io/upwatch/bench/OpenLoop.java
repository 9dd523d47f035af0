package io.upwatch.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * An open-loop load: request i is due at start + i / rate and is sent then, whether or not earlier
 * ones were answered, and its latency runs from when it was due, not from when it was sent, so a
 * server that stalls is charged for the requests that waited behind the stall (no coordinated
 * omission). At most {@code maxInFlight} requests are outstanding; a request due while all are
 * taken is not sent and counted as shed.
 */
final class OpenLoop {

  private OpenLoop() {}

  /**
   * Sends {@code rate} requests a second for {@code seconds}; a response other than 200 is an
   * error. Returns the offered rate, answered requests a second, latency p50/p90/p99/max, errors
   * and shed requests.
   */
  static Map<String, Object> run(
      HttpClient http, int rate, int seconds, int maxInFlight, IntFunction<HttpRequest> requests)
      throws InterruptedException {
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger shed = new AtomicInteger();
    Semaphore inFlight = new Semaphore(maxInFlight);
    int total = rate * seconds;
    long start = System.nanoTime();
    try (var senders = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < total; i++) {
        long due = start + (long) (i * 1e9 / rate);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(Duration.ofNanos(wait));
        }
        if (!inFlight.tryAcquire()) {
          shed.incrementAndGet();
          continue;
        }
        HttpRequest request = requests.apply(i);
        senders.submit(
            () -> {
              try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()
                    != 200) {
                  errors.incrementAndGet();
                }
              } catch (Exception e) {
                errors.incrementAndGet();
              } finally {
                latencies.add(System.nanoTime() - due);
                inFlight.release();
              }
              return null;
            });
      }
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("offeredPerSecond", rate);
    m.put("answered", sorted.size());
    m.put("answeredPerSecond", ProberBench.round(sorted.size() / elapsed));
    m.put("p50Ms", ProberBench.round(ApiBench.percentile(sorted, 0.50) / 1e6));
    m.put("p90Ms", ProberBench.round(ApiBench.percentile(sorted, 0.90) / 1e6));
    m.put("p99Ms", ProberBench.round(ApiBench.percentile(sorted, 0.99) / 1e6));
    m.put("maxMs", ProberBench.round(sorted.isEmpty() ? Double.NaN : sorted.getLast() / 1e6));
    m.put("errors", errors.get());
    m.put("shed", shed.get());
    m.put("maxInFlight", maxInFlight);
    return m;
  }
}

package io.upwatch.bench;

import io.lettuce.core.RedisClient;
import io.upwatch.testing.LocalPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Healthchecks-style burst of heartbeat pings at the top of the hour: {@code rate} pings a second
 * for {@code seconds}, open loop (sent on schedule whether or not earlier ones were answered, at
 * most {@link #IN_FLIGHT} at once; a ping that finds them all taken is counted as shed), against
 * the API server alone. After an unmeasured burst that warms the JVM up (as a server that has run
 * for an hour is), twice: each ping to a different monitor (every token a cache miss, the worst
 * case: an hourly job's token has left the cache), then the same tokens again (cache hits).
 */
final class PingBench {

  private static final int IN_FLIGHT = 256;
  private static final String BASE = "http://127.0.0.1:8094";

  private PingBench() {}

  static Map<String, Object> run(
      Bench bench, int rate, int seconds, int redisDatabase, Map<String, Object> profiles)
      throws Exception {
    String jdbcUrl = LocalPostgres.recreateDatabase(Bench.DATABASE + "_pings");
    var client = RedisClient.create("redis://127.0.0.1:6379/" + redisDatabase);
    try (var redis = client.connect()) {
      redis.sync().flushdb();
    } finally {
      client.shutdown();
    }
    Map<String, String> env = bench.suiteEnv(jdbcUrl, redisDatabase);
    env.put("SERVER_PORT", "8094");
    int monitors = rate * seconds;
    try (Proc api = bench.role("api-server", "api-server-pings", env);
        HttpClient http =
            HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build()) {
      api.awaitHttp(BASE + "/actuator/health/readiness", Duration.ofMinutes(3));
      var signup =
          HttpRequest.newBuilder(URI.create(BASE + "/api/v1/auth/signup"))
              .header("Content-Type", "application/json")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "{\"username\": \"bench\", \"password\": \"bench-password\"}"))
              .build();
      http.send(signup, HttpResponse.BodyHandlers.discarding());
      seed(jdbcUrl, 2 * monitors);
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("monitors", monitors);
      result.put("offeredPingsPerSecond", rate);
      result.put("seconds", seconds);
      result.put("maxInFlight", IN_FLIGHT);
      burst(api, http, rate, seconds, monitors);
      long before = streamLength(redisDatabase);
      result.put("coldTokens", burst(api, http, rate, seconds, 0));
      result.put("warmTokens", burst(api, http, rate, seconds, 0));
      result.put("resultsAppended", streamLength(redisDatabase) - before);
      // Where the time goes: the warm burst again under JFR, after the measured ones.
      var profile = Profile.start(bench, api, "pingsWarm");
      burst(api, http, rate, seconds, 0);
      profiles.put("pingsWarm", profile.stop());
      return result;
    }
  }

  // Monitors of one user, their tokens "bench" + the number (22 characters, as a real token).
  private static void seed(String jdbcUrl, int monitors) throws Exception {
    try (var db = DriverManager.getConnection(jdbcUrl, LocalPostgres.ROLE, LocalPostgres.PASSWORD);
        var statement = db.createStatement()) {
      statement.execute(
          """
          INSERT INTO urls (user_id, name, kind, url, threshold, interval_seconds,
                            grace_seconds, ping_token, next_check_at)
          SELECT (SELECT id FROM users), 'job' || n, 'HEARTBEAT', '', 0, 3600, 300,
                 'bench' || lpad(n::text, 17, '0'), now() + interval '1 hour'
          FROM generate_series(1, %d) n
          """
              .formatted(monitors));
      statement.execute("VACUUM (ANALYZE) urls");
    }
  }

  /** One burst to the monitors after the first {@code skip}. */
  private static Map<String, Object> burst(
      Proc api, HttpClient http, int rate, int seconds, int skip) throws Exception {
    double apiCpuBefore = Proc.cpuSeconds(api.pid());
    double postgresCpuBefore = EndToEndBench.sumCpu("postgres");
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger shed = new AtomicInteger();
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    int total = rate * seconds;
    long start = System.nanoTime();
    try (var senders = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 1; i <= total; i++) {
        long due = start + (long) ((i - 1) * 1e9 / rate);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(Duration.ofNanos(wait));
        }
        if (!inFlight.tryAcquire()) {
          shed.incrementAndGet();
          continue;
        }
        var request =
            HttpRequest.newBuilder(URI.create(BASE + "/ping/bench" + "%017d".formatted(skip + i)))
                .build();
        senders.submit(
            () -> {
              long sent = System.nanoTime();
              try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()
                    != 200) {
                  errors.incrementAndGet();
                }
              } catch (Exception e) {
                errors.incrementAndGet();
              } finally {
                latencies.add(System.nanoTime() - sent);
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
    m.put("answeredPerSecond", ProberBench.round(sorted.size() / elapsed));
    m.put("p50Ms", ProberBench.round(ApiBench.percentile(sorted, 0.50) / 1e6));
    m.put("p99Ms", ProberBench.round(ApiBench.percentile(sorted, 0.99) / 1e6));
    m.put("maxMs", ProberBench.round(sorted.isEmpty() ? Double.NaN : sorted.getLast() / 1e6));
    m.put("errors", errors.get());
    m.put("shed", shed.get());
    double apiCpu = Proc.cpuSeconds(api.pid()) - apiCpuBefore;
    double postgresCpu = EndToEndBench.sumCpu("postgres") - postgresCpuBefore;
    m.put("apiCpuMsPerPing", ProberBench.round(apiCpu * 1000 / Math.max(1, sorted.size())));
    m.put(
        "postgresCpuMsPerPing", ProberBench.round(postgresCpu * 1000 / Math.max(1, sorted.size())));
    return m;
  }

  private static long streamLength(int database) {
    var client = RedisClient.create("redis://127.0.0.1:6379/" + database);
    try (var redis = client.connect()) {
      return ProberBench.results(redis);
    } finally {
      client.shutdown();
    }
  }
}

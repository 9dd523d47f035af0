package io.upwatch.bench;

import io.upwatch.schema.UrlRows;
import io.upwatch.testing.LocalPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * The API server alone, with {@code urls} URLs of one user and a full day of history (one check a
 * minute each): requests a second and p50/p99 latency for listing URLs, 24 h stats and login, and
 * the dashboard's monitors list (first page, and filtered to monitors that are down) rendered for
 * one browser at a time, its server time with nothing queued in front of it.
 */
final class ApiBench {

  private static final int CLIENTS = 8;

  private ApiBench() {}

  static Map<String, Object> run(Bench bench, int urls, int seconds, Map<String, Object> profiles)
      throws Exception {
    String jdbcUrl = LocalPostgres.recreateDatabase(Bench.DATABASE + "_api");
    Map<String, String> env = bench.suiteEnv(jdbcUrl, 11);
    env.put("SERVER_PORT", "8093");
    env.put("UPWATCH_API_LOGIN_THROTTLE_MAX_FAILURES_PER_ACCOUNT", "1000000");
    try (Proc api = bench.role("api-server", "api-server-alone", env);
        HttpClient http =
            HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build()) {
      api.awaitHttp("http://127.0.0.1:8093/actuator/health/readiness", Duration.ofMinutes(3));
      String credentials = "{\"username\": \"bench\", \"password\": \"bench-password\"}";
      send(http, post("/api/v1/auth/signup", credentials));
      long seedStart = System.nanoTime();
      seed(jdbcUrl, urls);
      double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
      String token =
          send(http, post("/api/v1/auth/login", credentials))
              .replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");

      Map<String, Object> result = new LinkedHashMap<>();
      result.put("urls", urls);
      result.put("historyRows", (long) urls * 1440);
      result.put("historySeedSeconds", ProberBench.round(seedSeconds));
      IntFunction<HttpRequest> list =
          i -> get("/api/v1/urls?size=20&page=" + random(urls / 20), token);
      IntFunction<HttpRequest> stats =
          i -> get("/api/v1/urls/" + (1 + random(urls)) + "/stats", token);
      result.put("listUrls", measure(api, http, seconds, list));
      result.put("stats24h", measure(api, http, seconds, stats));
      result.put(
          "login", measure(api, http, seconds, i -> post("/api/v1/auth/login", credentials)));
      // The seed leaves the URLs paused (nothing checks them here); the dashboard shows live
      // states, so they become active: no worker runs in this phase, the last seeded check of
      // each gives its state (about 1 % down).
      execute(jdbcUrl, "UPDATE urls SET enabled = true");
      result.put("dashboardFirstPage", dashboard(api, http, seconds, "/", token));
      result.put("dashboardDownFilter", dashboard(api, http, seconds, "/?state=down", token));
      // Where the time goes: the same loads again under JFR, after the figures above, so that
      // the recording's cost does not count in them.
      profiles.put("apiListUrls", profiled(bench, api, http, seconds, list, "apiListUrls"));
      profiles.put("apiStats24h", profiled(bench, api, http, seconds, stats, "apiStats24h"));
      return result;
    }
  }

  private static Map<String, Object> profiled(
      Bench bench,
      Proc api,
      HttpClient http,
      int seconds,
      IntFunction<HttpRequest> requests,
      String name)
      throws Exception {
    var profile = Profile.start(bench, api, name);
    measure(api, http, seconds, requests);
    return profile.stop();
  }

  private static void execute(String jdbcUrl, String sql) throws Exception {
    try (var db = DriverManager.getConnection(jdbcUrl, LocalPostgres.ROLE, LocalPostgres.PASSWORD);
        var statement = db.createStatement()) {
      statement.execute(sql);
    }
  }

  private static void seed(String jdbcUrl, int urls) throws Exception {
    try (var db = DriverManager.getConnection(jdbcUrl, LocalPostgres.ROLE, LocalPostgres.PASSWORD);
        var statement = db.createStatement()) {
      long user = EndToEndBench.userId(db);
      // Disabled and due only tomorrow: the API is measured on a day of history, not probing.
      Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
      List<UrlRows.NewUrl> rows = new ArrayList<>(urls);
      for (int n = 1; n <= urls; n++) {
        rows.add(
            new UrlRows.NewUrl(
                user,
                "u" + n,
                "http://127.0.0.2:9100/ok/" + n,
                3,
                60,
                10_000,
                300,
                false,
                tomorrow));
      }
      UrlRows.insert(db, rows);
      statement.execute(
          """
          INSERT INTO checks (url_id, slot, started_at, latency_ms, status_code, success)
          SELECT url_id, s, s, latency, code, code < 500
          FROM (SELECT u.id AS url_id, s, (random() * 200)::int AS latency,
                       CASE WHEN random() < 0.01 THEN 503 ELSE 200 END AS code
                FROM urls u,
                     generate_series(date_trunc('minute', now()) - interval '1439 minutes',
                                     date_trunc('minute', now()), interval '1 minute') s) c
          """);
      // A day of history as the service keeps it: autovacuum visits each day's partition after
      // every 1 % of growth (schema V4), so all but the newest minutes are marked all-visible,
      // and it has analyzed the URLs (without statistics the list query sorts all 10,000).
      statement.execute("VACUUM (ANALYZE) urls, checks");
    }
  }

  /** A dashboard page as one signed-in browser loads it, one request after another. */
  private static Map<String, Object> dashboard(
      Proc api, HttpClient http, int seconds, String path, String token) throws Exception {
    IntFunction<HttpRequest> page =
        i ->
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:8093" + path))
                .header("Cookie", "upwatch_session=" + token)
                .build();
    String body = send(http, page.apply(0));
    if (!body.contains("data-state=")) {
      throw new IllegalStateException(path + " shows no monitors: " + body);
    }
    // A running server has rendered the page before: the first renders compile the templates
    // and warm the JIT, which 10 s at one client would otherwise mostly measure.
    for (int i = 0; i < 30; i++) {
      send(http, page.apply(i));
    }
    double[] before = serverTime(http, path);
    Map<String, Object> measured = measure(api, http, seconds, page, 1);
    double[] after = serverTime(http, path);
    // The API server's own account (http.server.requests): time from request read to response
    // written, without the client's and the loopback's share.
    double requests = after[0] - before[0];
    measured.put(
        "serverMeanMs",
        requests <= 0 ? Double.NaN : ProberBench.round((after[1] - before[1]) * 1000 / requests));
    return measured;
  }

  /** Count and seconds of the requests served for a dashboard path, from /actuator/prometheus. */
  private static double[] serverTime(HttpClient http, String path) throws Exception {
    String uri = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    String metrics =
        send(
            http,
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:8093/actuator/prometheus"))
                .build());
    double count = 0;
    double sum = 0;
    for (String line : metrics.split("\n")) {
      if (line.startsWith("http_server_requests_seconds_")
          && line.contains("method=\"GET\"")
          && line.contains("uri=\"" + uri + "\"")) {
        double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        if (line.startsWith("http_server_requests_seconds_count")) {
          count += value;
        } else if (line.startsWith("http_server_requests_seconds_sum")) {
          sum += value;
        }
      }
    }
    return new double[] {count, sum};
  }

  private static Map<String, Object> measure(
      Proc api, HttpClient http, int seconds, IntFunction<HttpRequest> requests) throws Exception {
    return measure(api, http, seconds, requests, CLIENTS);
  }

  private static Map<String, Object> measure(
      Proc api, HttpClient http, int seconds, IntFunction<HttpRequest> requests, int clientCount)
      throws Exception {
    double apiCpuBefore = Proc.cpuSeconds(api.pid());
    double postgresCpuBefore = EndToEndBench.sumCpu("postgres");
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger errors = new AtomicInteger();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int c = 0; c < clientCount; c++) {
        clients.submit(
            () -> {
              int i = 0;
              while (System.nanoTime() < end) {
                long start = System.nanoTime();
                try {
                  int status =
                      http.send(requests.apply(i++), HttpResponse.BodyHandlers.discarding())
                          .statusCode();
                  if (status >= 400) {
                    errors.incrementAndGet();
                  }
                } catch (Exception e) {
                  errors.incrementAndGet();
                }
                latencies.add(System.nanoTime() - start);
              }
              return null;
            });
      }
    }
    double apiCpu = Proc.cpuSeconds(api.pid()) - apiCpuBefore;
    double postgresCpu = EndToEndBench.sumCpu("postgres") - postgresCpuBefore;
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("requestsPerSecond", ProberBench.round(sorted.size() / (double) seconds));
    m.put("p50Ms", ProberBench.round(percentile(sorted, 0.50) / 1e6));
    m.put("p99Ms", ProberBench.round(percentile(sorted, 0.99) / 1e6));
    m.put("errors", errors.get());
    m.put("concurrentClients", clientCount);
    // Where a request's time goes: CPU milliseconds per request in the API and in PostgreSQL.
    m.put("apiCpuMsPerRequest", ProberBench.round(apiCpu * 1000 / Math.max(1, sorted.size())));
    m.put(
        "postgresCpuMsPerRequest",
        ProberBench.round(postgresCpu * 1000 / Math.max(1, sorted.size())));
    return m;
  }

  static double percentile(List<Long> sorted, double p) {
    return sorted.isEmpty()
        ? Double.NaN
        : sorted.get((int) Math.min(sorted.size() - 1, p * sorted.size()));
  }

  private static int random(int bound) {
    return ThreadLocalRandom.current().nextInt(Math.max(1, bound));
  }

  private static HttpRequest get(String path, String token) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:8093" + path))
        .header("Authorization", "Bearer " + token)
        .build();
  }

  private static HttpRequest post(String path, String body) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:8093" + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static String send(HttpClient http, HttpRequest request) throws Exception {
    var response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 400) {
      throw new IllegalStateException(
          request.uri() + " -> " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }
}

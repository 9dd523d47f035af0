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
  // An open-loop request that waits this long for a free slot is counted as shed: far more than
  // 200 requests a second at tens of milliseconds ever need.
  private static final int OPEN_LOOP_MAX_IN_FLIGHT = 512;

  private final Proc api;
  private final CpuMeter cpu;
  private final HttpClient http;
  private final int port;
  private final String base;
  private final int seconds;

  private ApiBench(Proc api, CpuMeter cpu, HttpClient http, int port, int seconds) {
    this.api = api;
    this.cpu = cpu;
    this.http = http;
    this.port = port;
    this.base = "http://127.0.0.1:" + port;
    this.seconds = seconds;
  }

  static Map<String, Object> run(Bench bench, Map<String, Object> profiles) throws Exception {
    Settings settings = bench.settings();
    int urls = settings.apiUrls();
    String jdbcUrl = bench.freshDatabase("_api");
    bench.flushRedis();
    Map<String, String> env = bench.suiteEnv(jdbcUrl);
    env.put("SERVER_PORT", Integer.toString(settings.apiAlonePort()));
    env.put("UPWATCH_API_LOGIN_THROTTLE_MAX_FAILURES_PER_ACCOUNT", "1000000");
    try (Proc api = bench.role("api-server", "api-server-alone", env);
        var postgres = new PostgresProcesses(jdbcUrl);
        var cpu = CpuMeter.roleAndPostgres("api", api, postgres);
        HttpClient http =
            HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build()) {
      var load = new ApiBench(api, cpu, http, settings.apiAlonePort(), settings.baselineSeconds());
      api.awaitHttp(load.base + "/actuator/health/readiness", Duration.ofMinutes(3));
      String credentials = "{\"username\": \"bench\", \"password\": \"bench-password\"}";
      load.send(load.post("/api/v1/auth/signup", credentials));
      long seedStart = System.nanoTime();
      seed(bench, jdbcUrl, urls);
      double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
      String token =
          load.send(load.post("/api/v1/auth/login", credentials))
              .replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");

      Map<String, Object> result = new LinkedHashMap<>();
      result.put("urls", urls);
      result.put("historyRows", (long) urls * 1440);
      result.put("historySeedSeconds", ProberBench.round(seedSeconds));
      IntFunction<HttpRequest> list =
          i -> load.get("/api/v1/urls?size=20&page=" + random(urls / 20), token);
      IntFunction<HttpRequest> stats =
          i -> load.get("/api/v1/urls/" + (1 + random(urls)) + "/stats", token);
      result.put("listUrls", load.measure(list, CLIENTS));
      result.put("stats24h", load.measure(stats, CLIENTS));
      // The same requests at a fixed rate, far below saturation: latency without the queueing
      // that 8 closed-loop clients on these cores add.
      result.put(
          "stats24hOpenLoop",
          load.openLoop(stats, settings.apiOpenLoopRate(), settings.apiOpenLoopSeconds()));
      result.put("login", load.measure(i -> load.post("/api/v1/auth/login", credentials), CLIENTS));
      // The seed leaves the URLs paused (nothing checks them here); the dashboard shows live
      // states, so they become active: no worker runs in this phase, the last seeded check of
      // each gives its state (about 1 % down).
      execute(jdbcUrl, "UPDATE urls SET enabled = true");
      result.put("dashboardFirstPage", load.dashboard("/", token));
      result.put("dashboardDownFilter", load.dashboard("/?state=down", token));
      // Where the time goes: the same loads again under JFR, after the figures above, so that
      // the recording's cost does not count in them.
      profiles.put("apiListUrls", load.profiled(bench, list, "apiListUrls"));
      profiles.put("apiStats24h", load.profiled(bench, stats, "apiStats24h"));
      return result;
    }
  }

  private Map<String, Object> profiled(Bench bench, IntFunction<HttpRequest> requests, String name)
      throws Exception {
    var profile = Profile.start(bench, api, name);
    measure(requests, CLIENTS);
    return profile.stop();
  }

  private Map<String, Object> openLoop(IntFunction<HttpRequest> requests, int rate, int length)
      throws Exception {
    Map<String, Double> before = cpu.cpuSeconds();
    Map<String, Object> m = OpenLoop.run(http, rate, length, OPEN_LOOP_MAX_IN_FLIGHT, requests);
    perRequestCpu(m, CpuMeter.between(before, cpu.cpuSeconds()), (int) m.get("answered"));
    return m;
  }

  private static void perRequestCpu(Map<String, Object> m, Map<String, Double> used, int requests) {
    // Where a request's time goes: CPU milliseconds per request in the API and in PostgreSQL.
    m.put("apiCpuMsPerRequest", ProberBench.round(used.get("api") * 1000 / Math.max(1, requests)));
    m.put(
        "postgresCpuMsPerRequest",
        ProberBench.round(used.get("postgresql") * 1000 / Math.max(1, requests)));
  }

  private static void execute(String jdbcUrl, String sql) throws Exception {
    try (var db = DriverManager.getConnection(jdbcUrl, LocalPostgres.ROLE, LocalPostgres.PASSWORD);
        var statement = db.createStatement()) {
      statement.execute(sql);
    }
  }

  private static void seed(Bench bench, String jdbcUrl, int urls) throws Exception {
    try (var db = DriverManager.getConnection(jdbcUrl, LocalPostgres.ROLE, LocalPostgres.PASSWORD);
        var statement = db.createStatement()) {
      long user = EndToEndBench.userId(db);
      // Disabled and due only tomorrow: the API is measured on a day of history, not probing.
      Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
      List<UrlRows.NewUrl> rows = new ArrayList<>(urls);
      for (int n = 1; n <= urls; n++) {
        rows.add(
            new UrlRows.NewUrl(
                user, "u" + n, bench.target(0, "ok", n), 3, 60, 10_000, 300, false, tomorrow));
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
  private Map<String, Object> dashboard(String path, String token) throws Exception {
    IntFunction<HttpRequest> page =
        i ->
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Cookie", "upwatch_session=" + token)
                .build();
    String body = send(page.apply(0));
    if (!body.contains("data-state=")) {
      throw new IllegalStateException(path + " shows no monitors: " + body);
    }
    // A running server has rendered the page before: the first renders compile the templates
    // and warm the JIT, which 10 s at one client would otherwise mostly measure.
    for (int i = 0; i < 30; i++) {
      send(page.apply(i));
    }
    double[] before = serverTime(path);
    Map<String, Object> measured = measure(page, 1);
    double[] after = serverTime(path);
    // The API server's own account (http.server.requests): time from request read to response
    // written, without the client's and the loopback's share.
    double requests = after[0] - before[0];
    measured.put(
        "serverMeanMs",
        requests <= 0 ? Double.NaN : ProberBench.round((after[1] - before[1]) * 1000 / requests));
    return measured;
  }

  /** Count and seconds of the requests served for a dashboard path, from /actuator/prometheus. */
  private double[] serverTime(String path) {
    String uri = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    var metrics = Prometheus.scrape(port);
    String[] labels = {"method=\"GET\"", "uri=\"" + uri + "\""};
    return new double[] {
      metrics.sum("http_server_requests_seconds_count", labels),
      metrics.sum("http_server_requests_seconds_sum", labels)
    };
  }

  /** {@code clients} closed-loop clients, each sending its next request when one is answered. */
  private Map<String, Object> measure(IntFunction<HttpRequest> requests, int clients)
      throws Exception {
    Map<String, Double> before = cpu.cpuSeconds();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger errors = new AtomicInteger();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    try (var senders = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int c = 0; c < clients; c++) {
        senders.submit(
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
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("requestsPerSecond", ProberBench.round(sorted.size() / (double) seconds));
    m.put("p50Ms", ProberBench.round(percentile(sorted, 0.50) / 1e6));
    m.put("p99Ms", ProberBench.round(percentile(sorted, 0.99) / 1e6));
    m.put("errors", errors.get());
    m.put("concurrentClients", clients);
    perRequestCpu(m, CpuMeter.between(before, cpu.cpuSeconds()), sorted.size());
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

  private HttpRequest get(String path, String token) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer " + token)
        .build();
  }

  private HttpRequest post(String path, String body) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private String send(HttpRequest request) throws Exception {
    var response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 400) {
      throw new IllegalStateException(
          request.uri() + " -> " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }
}

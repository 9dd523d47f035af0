package io.upwatch.bench;

import io.lettuce.core.RedisClient;
import io.upwatch.testing.LocalPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A Healthchecks-style burst of heartbeat pings at the top of the hour: {@code rate} pings a second
 * for {@code seconds}, open loop (sent on schedule whether or not earlier ones were answered, at
 * most {@link #IN_FLIGHT} at once; a ping that finds them all taken is counted as shed), against
 * the API server alone. After unmeasured bursts that warm the JVM up (as a server that has run for
 * an hour is: until the JIT's compilers take under a twentieth of its CPU), twice: each ping to a
 * different monitor (every token a cache miss, the worst case: an hourly job's token has left the
 * cache), then the same tokens again (cache hits).
 */
final class PingBench {

  private static final int IN_FLIGHT = 256;

  private PingBench() {}

  static Map<String, Object> run(Bench bench, Map<String, Object> profiles) throws Exception {
    int rate = bench.settings().pingRate();
    int seconds = bench.settings().pingSeconds();
    String jdbcUrl = bench.freshDatabase("_pings");
    bench.flushRedis();
    int port = bench.settings().pingApiPort();
    String base = "http://127.0.0.1:" + port;
    Map<String, String> env = bench.suiteEnv(jdbcUrl);
    env.put("SERVER_PORT", Integer.toString(port));
    int monitors = rate * seconds;
    var redisClient = RedisClient.create(bench.redisUri());
    try (Proc api = bench.role("api-server", "api-server-pings", env);
        var redis = redisClient.connect();
        var postgres = new PostgresProcesses(jdbcUrl);
        var cpu = CpuMeter.roleAndPostgres("api", api, postgres);
        HttpClient http =
            HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build()) {
      api.awaitHttp(base + "/actuator/health/readiness", Duration.ofMinutes(3));
      var signup =
          HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/signup"))
              .header("Content-Type", "application/json")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "{\"username\": \"bench\", \"password\": \"bench-password\"}"))
              .build();
      http.send(signup, HttpResponse.BodyHandlers.discarding());
      // The measured monitors, then fresh ones for each warm-up burst.
      seed(jdbcUrl, (1 + JitShare.MAX_WARM_UPS) * monitors);
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("monitors", monitors);
      result.put("offeredPingsPerSecond", rate);
      result.put("seconds", seconds);
      result.put("maxInFlight", IN_FLIGHT);
      result.putAll(warmUp(cpu, http, base, api, rate, seconds));
      long before = ProberBench.results(redis);
      result.put("coldTokens", burst(cpu, http, base, rate, seconds, 0));
      result.put("warmTokens", burst(cpu, http, base, rate, seconds, 0));
      result.put("resultsAppended", ProberBench.results(redis) - before);
      // Where the time goes: the warm burst again under JFR, after the measured ones.
      var profile = Profile.start(bench, api, "pingsWarm");
      burst(cpu, http, base, rate, seconds, 0);
      profiles.put("pingsWarm", profile.stop());
      return result;
    } finally {
      redisClient.shutdown();
    }
  }

  /**
   * Unmeasured bursts, each to monitors of its own (cold tokens, as in the measured one), until one
   * in which the JIT's compilers took under {@link JitShare#SETTLED} of the API's CPU: the steady
   * state of a server that has run for an hour. One burst left the compilers at work on most of the
   * server's CPU during the measured ones.
   */
  private static Map<String, Object> warmUp(
      CpuMeter cpu, HttpClient http, String base, Proc api, int rate, int seconds)
      throws Exception {
    int monitors = rate * seconds;
    int bursts = 0;
    double share;
    do {
      var jit = JitShare.of(api.pid());
      burst(cpu, http, base, rate, seconds, (1 + bursts) * monitors);
      share = jit.share();
      bursts++;
      Benchmark.log(
          "ping warm-up burst %d: compilers %.0f %% of the API's CPU"
              .formatted(bursts, 100 * share));
    } while (share >= JitShare.SETTLED && bursts < JitShare.MAX_WARM_UPS);
    Map<String, Object> warmUp = new LinkedHashMap<>();
    warmUp.put("warmUpBursts", bursts);
    warmUp.put("compilerCpuShareOfLastWarmUp", ProberBench.round(share));
    return warmUp;
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
      CpuMeter cpu, HttpClient http, String base, int rate, int seconds, int skip)
      throws Exception {
    Map<String, Double> before = cpu.cpuSeconds();
    Map<String, Object> m =
        OpenLoop.run(
            http,
            rate,
            seconds,
            IN_FLIGHT,
            i ->
                HttpRequest.newBuilder(
                        URI.create(base + "/ping/bench%017d".formatted(skip + i + 1)))
                    .build());
    Map<String, Double> used = CpuMeter.between(before, cpu.cpuSeconds());
    int answered = Math.max(1, (int) m.get("answered"));
    m.put("apiCpuMsPerPing", ProberBench.round(used.get("api") * 1000 / answered));
    m.put("postgresCpuMsPerPing", ProberBench.round(used.get("postgresql") * 1000 / answered));
    return m;
  }
}

package io.upwatch.bench;

import io.upwatch.schema.UrlRows;
import io.upwatch.testing.LocalPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole suite on this machine: N URLs at interval I checked for T against the farm, measured
 * from what the service stored: checks a second, schedule lag, lost and duplicated slots, alert
 * latency, CPU and memory per role and for PostgreSQL and Redis, rows and bytes stored.
 */
final class EndToEndBench {

  private static final int REDIS_DB = 9;
  private static final int WARM_UP_SECONDS = 60;

  private EndToEndBench() {}

  static Map<String, Object> run(Bench bench, int urls, int interval, int seconds)
      throws Exception {
    String jdbcUrl = LocalPostgres.recreateDatabase(Bench.DATABASE);
    new ProcessBuilder("redis-cli", "-n", Integer.toString(REDIS_DB), "flushdb").start().waitFor();
    Map<String, String> env = bench.suiteEnv(jdbcUrl, REDIS_DB);
    List<Proc> roles = new ArrayList<>();
    try (var webhooks = new WebhookSink()) {
      Proc api = bench.role("api-server", "api-server", with(env, "SERVER_PORT", "8090"));
      roles.add(api);
      api.awaitHttp("http://127.0.0.1:8090/actuator/health/readiness", Duration.ofMinutes(3));
      Instant first = seed(jdbcUrl, urls, interval);
      Proc local = bench.role("local-worker", "local-worker", with(env, "SERVER_PORT", "8091"));
      Proc prober =
          bench.role(
              "monitoring-worker",
              "monitoring-worker",
              with(with(env, "SERVER_PORT", "8092"), "MONITORING_SERVER_CONCURRENCY", "2000"));
      roles.add(local);
      roles.add(prober);
      local.awaitHttp("http://127.0.0.1:8091/actuator/health/readiness", Duration.ofMinutes(3));
      prober.awaitHttp("http://127.0.0.1:8092/actuator/health/readiness", Duration.ofMinutes(3));

      // Warm up before measuring: cold JVMs at the full offered rate build a backlog of several
      // seconds that takes about a minute to drain (reported below as the cold start), and the
      // targets are about the sustained state.
      Thread.sleep(
          Math.max(0, Duration.between(Instant.now(), first).toMillis())
              + Math.max(interval, WARM_UP_SECONDS) * 1000L);
      Map<Long, Double> cpuBefore = cpu(roles);
      double pgBefore = sumCpu("postgres"), redisBefore = sumCpu("redis-server");
      // Whole milliseconds, as slots are: the expected count and the stored one then agree.
      Instant windowStart = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      Thread.sleep(seconds * 1000L);
      Instant windowEnd = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      Map<Long, Double> cpuAfter = cpu(roles);
      double pgCpu = sumCpu("postgres") - pgBefore, redisCpu = sumCpu("redis-server") - redisBefore;
      // Let checks of the window's last slots finish and land before counting: wait until the
      // window's row count stops growing (a saturated suite can lag by more than an interval).
      awaitSettled(jdbcUrl, windowEnd);

      Map<String, Object> result = new LinkedHashMap<>();
      result.put("urls", urls);
      result.put("intervalSeconds", interval);
      result.put("windowSeconds", seconds);
      try (Connection db = connect(jdbcUrl)) {
        result.put("warmUpSeconds", Math.max(interval, WARM_UP_SECONDS));
        result.put("coldStart", coldStart(db, first, windowStart));
        result.putAll(measure(db, windowStart, windowEnd, seconds));
        result.put("notifications", webhooks.measure(db));
      }
      Map<String, Object> cpuPerRole = new LinkedHashMap<>();
      Map<String, Object> rss = new LinkedHashMap<>();
      for (Proc role : roles) {
        cpuPerRole.put(
            role.name, ProberBench.round(cpuAfter.get(role.pid()) - cpuBefore.get(role.pid())));
        rss.put(role.name, ProberBench.round(Proc.peakRssMib(role.pid())));
      }
      cpuPerRole.put("postgresql", ProberBench.round(pgCpu));
      cpuPerRole.put("redis", ProberBench.round(redisCpu));
      result.put("cpuSecondsInWindow", cpuPerRole);
      result.put("peakRssMib", rss);
      return result;
    } finally {
      for (Proc role : roles.reversed()) {
        role.close();
      }
    }
  }

  /** Inserts a user and N URLs spread evenly over one interval; returns the first slot. */
  private static Instant seed(String jdbcUrl, int urls, int interval) throws Exception {
    Instant first = Instant.now().plusSeconds(5);
    try (Connection db = connect(jdbcUrl);
        var statement = db.createStatement()) {
      statement.execute("INSERT INTO users (username, password_hash) VALUES ('bench', 'x')");
      long user = userId(db);
      List<UrlRows.NewUrl> rows = new ArrayList<>(urls);
      for (int n = 0; n < urls; n++) {
        String path =
            switch (n % 100) {
              case 0 -> "fail";
              case 1 -> "slow";
              case 2 -> "flap";
              default -> "ok";
            };
        String target = "http://127.0.0.%d:9100/%s/%d".formatted(2 + n % Bench.ADDRESSES, path, n);
        Instant phase = first.plusNanos(interval * 1_000_000_000L * n / urls);
        rows.add(new UrlRows.NewUrl(user, "u" + n, target, 3, interval, 5000, 300, true, phase));
      }
      UrlRows.insert(db, rows);
      // One webhook channel for all URLs: every alert event is also a signed webhook.
      statement.execute(
          "INSERT INTO notification_channels (user_id, name, kind, target, secret)"
              + " SELECT id, 'bench', 'WEBHOOK', '%s', '%s' FROM users"
                  .formatted(WebhookSink.URL, WebhookSink.SECRET));
      statement.execute(
          "CREATE TABLE bench_phase AS SELECT id AS url_id, phase_ms, interval_seconds FROM urls");
    }
    return first;
  }

  /** Lag of the warm-up's checks: how large the cold start's backlog grew and when it was gone. */
  private static Map<String, Object> coldStart(Connection db, Instant from, Instant to)
      throws Exception {
    Map<String, Object> m = new LinkedHashMap<>();
    try (var q =
        db.prepareStatement(
            """
            SELECT max(extract(epoch FROM started_at - slot)),
                   extract(epoch FROM max(slot) FILTER (WHERE started_at - slot > interval '1 s')
                                      - min(slot))
            FROM checks WHERE slot >= ? AND slot < ?
            """)) {
      q.setTimestamp(1, Timestamp.from(from));
      q.setTimestamp(2, Timestamp.from(to));
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        m.put("lagMaxMs", ProberBench.round(rs.getDouble(1) * 1000));
        m.put("secondsUntilLagUnder1s", ProberBench.round(rs.getDouble(2)));
      }
    }
    return m;
  }

  private static Map<String, Object> measure(Connection db, Instant from, Instant to, int seconds)
      throws Exception {
    Map<String, Object> m = new LinkedHashMap<>();
    try (var q =
        db.prepareStatement(
            """
            SELECT count(*),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM started_at - slot)),
                   percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM started_at - slot)),
                   max(extract(epoch FROM started_at - slot))
            FROM checks WHERE slot >= ? AND slot < ?
            """)) {
      q.setTimestamp(1, Timestamp.from(from));
      q.setTimestamp(2, Timestamp.from(to));
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        long checks = rs.getLong(1);
        m.put("checksStored", checks);
        m.put("checksPerSecond", ProberBench.round(checks / (double) seconds));
        m.put("scheduleLagP50Ms", ProberBench.round(rs.getDouble(2) * 1000));
        m.put("scheduleLagP99Ms", ProberBench.round(rs.getDouble(3) * 1000));
        m.put("scheduleLagMaxMs", ProberBench.round(rs.getDouble(4) * 1000));
      }
    }
    // A URL's slots in [from, to): the k with from <= phase + k * interval < to (milliseconds).
    try (var q =
        db.prepareStatement(
            """
            SELECT sum(ceil((?::bigint - phase_ms) / (interval_seconds * 1000.0))
                     - ceil((?::bigint - phase_ms) / (interval_seconds * 1000.0)))
            FROM bench_phase
            """)) {
      q.setLong(1, to.toEpochMilli());
      q.setLong(2, from.toEpochMilli());
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        long expected = rs.getLong(1);
        m.put("slotsExpected", expected);
        m.put("slotsLost", expected - (long) m.get("checksStored"));
      }
    }
    m.put("alerts", scalar(db, "SELECT count(*) FROM alerts"));
    try (var q =
        db.createStatement()
            .executeQuery(
                """
                SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY d), percentile_cont(0.99)
                       WITHIN GROUP (ORDER BY d), count(*)
                FROM (SELECT extract(epoch FROM a.opened_at
                               - (c.started_at + c.latency_ms * interval '1 ms')) * 1000 AS d
                      FROM alerts a JOIN checks c ON c.url_id = a.url_id AND c.slot = a.trigger_slot) x
                """)) {
      q.next();
      m.put("alertLatencyP50Ms", ProberBench.round(q.getDouble(1)));
      m.put("alertLatencyP99Ms", ProberBench.round(q.getDouble(2)));
      m.put("alertsMeasured", q.getLong(3));
    }
    long rows = scalar(db, "SELECT count(*) FROM checks");
    long bytes =
        scalar(
            db,
            "SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits"
                + " WHERE inhparent = 'checks'::regclass");
    m.put("bytesPerCheckStored", rows == 0 ? 0 : ProberBench.round(bytes / (double) rows));
    m.put("rowsPerSecond", m.get("checksPerSecond"));
    return m;
  }

  private static void awaitSettled(String jdbcUrl, Instant windowEnd) throws Exception {
    long previous = -1;
    Instant deadline = Instant.now().plusSeconds(120);
    try (Connection db = connect(jdbcUrl);
        var count = db.prepareStatement("SELECT count(*) FROM checks WHERE slot < ?")) {
      count.setTimestamp(1, Timestamp.from(windowEnd));
      while (Instant.now().isBefore(deadline)) {
        Thread.sleep(5000);
        try (ResultSet rs = count.executeQuery()) {
          rs.next();
          long now = rs.getLong(1);
          if (now == previous) {
            return;
          }
          previous = now;
        }
      }
    }
  }

  private static long scalar(Connection db, String sql) throws Exception {
    try (ResultSet rs = db.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Map<Long, Double> cpu(List<Proc> roles) {
    Map<Long, Double> cpu = new LinkedHashMap<>();
    roles.forEach(r -> cpu.put(r.pid(), Proc.cpuSeconds(r.pid())));
    return cpu;
  }

  static double sumCpu(String command) {
    return Proc.pidsOf(command).stream().mapToDouble(Proc::cpuSeconds).sum();
  }

  private static Map<String, String> with(Map<String, String> env, String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(env);
    copy.put(key, value);
    return copy;
  }

  /** The id of the one user the benchmark created. */
  static long userId(Connection db) throws Exception {
    try (var users = db.createStatement();
        ResultSet rs = users.executeQuery("SELECT id FROM users")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Connection connect(String jdbcUrl) throws Exception {
    return DriverManager.getConnection(jdbcUrl, LocalPostgres.ROLE, LocalPostgres.PASSWORD);
  }
}

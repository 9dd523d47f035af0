package io.upwatch.bench;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.upwatch.common.CheckResult;
import io.upwatch.common.Streams;
import io.upwatch.common.TaskId;
import io.upwatch.schema.UrlRows;
import io.upwatch.testing.LocalPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The local worker's ingestion alone: how fast one local worker stores a backlog of results and
 * evaluates their alerts (1 % failures, so alerts open and resolve), on a cold JVM and then warm
 * (the figure judged), with the CPU each stored check costs the worker and PostgreSQL. Its URLs are
 * never due, so the scheduler claims nothing: this is the ingestion ceiling, apart from the
 * prober's and the scheduler's.
 */
final class IngestBench {

  private static final int URLS = 10_000;

  private IngestBench() {}

  static Map<String, Object> run(Bench bench) throws Exception {
    int results = bench.settings().ingestResults();
    String jdbcUrl = bench.freshDatabase("_ingest");
    bench.flushRedis();
    int port = bench.settings().localWorkerPort();
    Map<String, String> env = bench.suiteEnv(jdbcUrl);
    env.put("SERVER_PORT", Integer.toString(port));
    var client = RedisClient.create(bench.redisUri());
    try (Proc worker = bench.role("local-worker", "local-worker-alone", env);
        StatefulRedisConnection<String, String> redis = client.connect();
        Connection db =
            DriverManager.getConnection(jdbcUrl, LocalPostgres.ROLE, LocalPostgres.PASSWORD);
        var postgres = new PostgresProcesses(jdbcUrl);
        var cpu = CpuMeter.roleAndPostgres("local-worker", worker, postgres)) {
      worker.awaitHttp(
          "http://127.0.0.1:" + port + "/actuator/health/readiness", Duration.ofMinutes(3));
      seed(db);
      // One slot every 10 s per URL from now on, in slot order as they would arrive: today's (and
      // tomorrow's) partitions exist, and no result falls outside retention.
      Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      Map<String, Object> cold = drain(redis, db, cpu, base, 0, results);
      Map<String, Object> warm = drain(redis, db, cpu, base, results, results);
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("results", results);
      result.put("urls", URLS);
      result.put("cold", cold);
      result.putAll(warm);
      return result;
    } finally {
      client.shutdown();
    }
  }

  private static void seed(Connection db) throws Exception {
    try (var statement = db.createStatement()) {
      statement.execute("INSERT INTO users (username, password_hash) VALUES ('bench', 'x')");
    }
    long user = EndToEndBench.userId(db);
    Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
    List<UrlRows.NewUrl> rows = new ArrayList<>(URLS);
    for (int n = 1; n <= URLS; n++) {
      rows.add(
          new UrlRows.NewUrl(
              user, "u" + n, "http://127.0.0.2/ok/" + n, 3, 10, 5000, 300, false, tomorrow));
    }
    UrlRows.insert(db, rows);
  }

  /** Publishes {@code count} results after the first {@code offset} and times their storing. */
  private static Map<String, Object> drain(
      StatefulRedisConnection<String, String> redis,
      Connection db,
      CpuMeter cpu,
      Instant base,
      int offset,
      int count)
      throws Exception {
    long before = rows(db);
    Map<String, Double> cpuBefore = cpu.cpuSeconds();
    long start = System.nanoTime();
    publish(redis, base, offset, count);
    long published = System.nanoTime();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    while (rows(db) < before + count) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "Only " + (rows(db) - before) + " of " + count + " results stored in 5 minutes");
      }
      Thread.sleep(50);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Double> used = CpuMeter.between(cpuBefore, cpu.cpuSeconds());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seconds", ProberBench.round(seconds));
    m.put("publishSeconds", ProberBench.round((published - start) / 1e9));
    m.put("checksStoredPerSecond", ProberBench.round(count / seconds));
    Map<String, Object> perCheck = new LinkedHashMap<>();
    used.forEach((group, s) -> perCheck.put(group, ProberBench.round3(s * 1000 / count)));
    m.put("cpuMsPerCheck", perCheck);
    return m;
  }

  private static void publish(
      StatefulRedisConnection<String, String> redis, Instant base, int offset, int count) {
    var async = redis.async();
    redis.setAutoFlushCommands(false);
    try {
      for (int i = 0; i < count; i++) {
        int n = offset + i;
        long url = 1 + n % URLS;
        Instant slot = base.plusSeconds(10L * (n / URLS));
        // 1 % of the URLs fail every check: their alerts open (and stay open).
        boolean fails = url % 100 == 0;
        var result =
            new CheckResult(
                new TaskId(url, slot),
                slot.plusMillis(5),
                3,
                fails ? 503 : 200,
                null,
                null,
                "bench",
                "default",
                null);
        async.xadd(Streams.results(ProberBench.PARTITIONS.of(url)), result.toFields());
        if (i % 1000 == 999) {
          redis.flushCommands();
        }
      }
      redis.flushCommands();
    } finally {
      redis.setAutoFlushCommands(true);
    }
    // As monitoring workers do after publishing: idle ingestion looks when rung.
    redis.sync().set(Streams.resultsPublished(), UUID.randomUUID().toString());
  }

  private static long rows(Connection db) throws Exception {
    try (var statement = db.createStatement();
        var rs = statement.executeQuery("SELECT count(*) FROM checks")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

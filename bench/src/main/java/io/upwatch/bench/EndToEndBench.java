package io.upwatch.bench;

import io.lettuce.core.RedisClient;
import io.upwatch.testing.LocalPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * The whole suite on this machine, under a rising load: one API server, one local worker and one
 * monitoring worker check URLs against the farm while the capacity ramp adds URLs, and everything
 * is measured from what the service stored. The report's figures are those of the capacity step
 * (the highest rate sustained), with every step listed; a timeline of CPU and queue backlog per
 * second is left in {@code bench/results/tmp/e2e-timeline.csv}.
 */
final class EndToEndBench {

  private EndToEndBench() {}

  static Map<String, Object> run(Bench bench, Proc farm, Proc redisServer) throws Exception {
    Settings settings = bench.settings();
    String jdbcUrl = bench.freshDatabase("");
    bench.flushRedis();
    Map<String, String> env = bench.suiteEnv(jdbcUrl);
    List<Proc> roles = new ArrayList<>();
    var redisClient = RedisClient.create(bench.redisUri());
    try (var webhooks = new WebhookSink(settings.webhookPort());
        Connection db = connect(jdbcUrl);
        var redis = redisClient.connect()) {
      Proc api =
          bench.role(
              "api-server", "api-server", with(env, "SERVER_PORT", settings.endToEndApiPort()));
      roles.add(api);
      api.awaitHttp(health(settings.endToEndApiPort()), Duration.ofMinutes(3));
      long user = seedUser(db, webhooks);
      Proc local =
          bench.role(
              "local-worker", "local-worker", with(env, "SERVER_PORT", settings.localWorkerPort()));
      Map<String, String> proberEnv = with(env, "SERVER_PORT", settings.monitoringWorkerPort());
      proberEnv.put("MONITORING_SERVER_CONCURRENCY", "2000");
      Proc prober = bench.role("monitoring-worker", "monitoring-worker", proberEnv);
      roles.add(local);
      roles.add(prober);
      local.awaitHttp(health(settings.localWorkerPort()), Duration.ofMinutes(3));
      prober.awaitHttp(health(settings.monitoringWorkerPort()), Duration.ofMinutes(3));

      var backlog = new StreamBacklog(redis.sync());
      List<RampStep> steps;
      CapacityRamp ramp;
      try (var postgres = new PostgresProcesses(jdbcUrl);
          var cpu =
              new CpuMeter(
                  groups(roles, postgres, redisServer, farm),
                  probes(backlog, settings),
                  bench.work().resolve("e2e-timeline.csv"))) {
        ramp =
            new CapacityRamp(
                bench,
                new UrlSeeder(bench, db, user, settings.intervalSeconds()),
                db,
                redis.sync(),
                cpu);
        steps = ramp.run();
      }
      Map<String, Object> result = describe(settings, steps, ramp, db, webhooks, roles);
      result.put("redisMemory", RedisMemory.measure(redis.sync()));
      result.put("steps", result.remove("steps"));
      return result;
    } finally {
      for (Proc role : roles.reversed()) {
        role.close();
      }
      redisClient.shutdown();
    }
  }

  private static Map<String, Object> describe(
      Settings settings,
      List<RampStep> steps,
      CapacityRamp ramp,
      Connection db,
      WebhookSink webhooks,
      List<Proc> roles)
      throws Exception {
    var stored = new StoredChecks(db);
    RampStep capacity =
        steps.get(RampJudgement.capacityStep(steps.stream().map(RampStep::figures).toList()));
    Map<String, Object> result = summary(settings.ramp(), steps);
    result.put("coldStart", stored.coldStart(ramp.firstSlot(), steps.getFirst().from()));
    result.putAll(stored.alertLatency(capacity.to()));
    result.put("notifications", webhooks.measure(db, capacity.to()));
    result.put("bytesPerCheckStored", stored.bytesPerCheck());
    Map<String, Object> rss = new LinkedHashMap<>();
    roles.forEach(role -> rss.put(role.name, ProberBench.round(Proc.peakRssMib(role.pid()))));
    result.put("peakRssMib", rss);
    return result;
  }

  /**
   * The section's figures from the judged steps alone: the plan, the capacity, the figures of the
   * capacity step (the highest rate sustained, or the first step if none was) and every step.
   */
  static Map<String, Object> summary(RampPlan plan, List<RampStep> steps) {
    List<StepFigures> figures = steps.stream().map(RampStep::figures).toList();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("ramp", plan);
    result.put("capacityChecksPerSecond", RampJudgement.capacity(figures));
    result.putAll(steps.get(RampJudgement.capacityStep(figures)).describe());
    result.put("steps", steps.stream().map(RampStep::describe).toList());
    return result;
  }

  private static Map<String, Supplier<Set<Long>>> groups(
      List<Proc> roles, PostgresProcesses postgres, Proc redis, Proc farm) {
    Map<String, Supplier<Set<Long>>> groups = new LinkedHashMap<>();
    roles.forEach(role -> groups.put(role.name, () -> Set.of(role.pid())));
    groups.put("postgresql", postgres::pids);
    groups.put("redis", () -> Set.of(redis.pid()));
    groups.put(RampStep.FARM, () -> Set.of(farm.pid()));
    // Every process of the program postgres (Proc.pidsOf matches /proc/<pid>/comm exactly).
    groups.put(RampStep.POSTGRES_MACHINE_WIDE, () -> Set.copyOf(Proc.pidsOf("postgres")));
    return groups;
  }

  private static Map<String, DoubleSupplier> probes(StreamBacklog backlog, Settings settings) {
    Map<String, DoubleSupplier> probes = new LinkedHashMap<>();
    probes.put("tasksUnread", backlog::tasksUnread);
    probes.put("tasksPending", backlog::tasksPending);
    probes.put("resultsUnread", backlog::resultsUnread);
    probes.put(
        "checksInFlight",
        () ->
            Prometheus.scrapeOnly(settings.monitoringWorkerPort(), "upwatch_checks_in_flight")
                .sum("upwatch_checks_in_flight"));
    return probes;
  }

  /** Inserts the bench's user, its one webhook channel and the table of URL grids. */
  private static long seedUser(Connection db, WebhookSink webhooks) throws Exception {
    try (var statement = db.createStatement()) {
      statement.execute("INSERT INTO users (username, password_hash) VALUES ('bench', 'x')");
      // One webhook channel for all URLs: every alert event is also a signed webhook.
      statement.execute(
          "INSERT INTO notification_channels (user_id, name, kind, target, secret)"
              + " SELECT id, 'bench', 'WEBHOOK', '%s', '%s' FROM users"
                  .formatted(webhooks.url(), WebhookSink.SECRET));
      statement.execute(StoredChecks.PHASES_TABLE);
    }
    return userId(db);
  }

  private static String health(int port) {
    return "http://127.0.0.1:" + port + "/actuator/health/readiness";
  }

  private static Map<String, String> with(Map<String, String> env, String key, int value) {
    Map<String, String> copy = new LinkedHashMap<>(env);
    copy.put(key, Integer.toString(value));
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

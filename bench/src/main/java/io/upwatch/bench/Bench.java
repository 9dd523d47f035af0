package io.upwatch.bench;

import io.lettuce.core.RedisClient;
import io.upwatch.testing.LocalPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every benchmark phase shares: where the jars are, where logs go, the run's settings, and how
 * a role is started against the benchmark's database and Redis.
 *
 * @param root the repository root
 * @param work the run's scratch folder (logs, configs)
 * @param java the java executable
 * @param settings the run's settings
 */
record Bench(Path root, Path work, String java, Settings settings) {

  /** Farm addresses: 127.0.0.2 .. 127.0.0.33. */
  static final int ADDRESSES = 32;

  /**
   * The farm addresses every phase's checks and GETs go to: wrk's ceiling, the prober's drains, the
   * end-to-end URLs. The farm runs one server, with its own dispatcher thread, on each address, and
   * GETs spread over all 32 cost it about twice what the same GETs over two do (bench/README.md):
   * the harness's shape, which would be charged to whichever phase spread its load wider. Two are
   * enough for the ports: checks end with a reset, so no socket lingers in TIME_WAIT.
   */
  static final int TARGET_ADDRESSES = 2;

  /**
   * Starts a role as production does, through bin/run-role: the same JVM flags, with the memory of
   * its Kubernetes manifest (the run-role script caps the JVM at it outside a container), and the
   * run's role settings ({@link Settings#roleEnv()}) over the phase's own.
   */
  Proc role(String role, String name, Map<String, String> env) throws IOException {
    Map<String, String> environment = new LinkedHashMap<>(env);
    // No flags from the bench's own environment; BENCH_ROLE_JAVA_OPTS still sets some.
    environment.put("JAVA_OPTS", "");
    environment.putAll(settings.roleEnv());
    environment.put("JAVA", java);
    List<String> command = List.of(root.resolve("bin/run-role").toString(), role);
    return Proc.start(name, work.resolve("logs"), environment, command);
  }

  Proc farm() throws IOException {
    String classpath = System.getProperty("java.class.path");
    return Proc.start(
        "target-farm",
        work.resolve("logs"),
        Map.of(),
        List.of(
            java,
            "-cp",
            classpath,
            TargetFarm.class.getName(),
            Integer.toString(ADDRESSES),
            Integer.toString(settings.farmPort())));
  }

  /** A farm URL: the i-th address, a behaviour path ({@code ok}, {@code slow}...) and a number. */
  String target(int address, String behaviour, long n) {
    return "http://%s:%d/%s/%d"
        .formatted(TargetFarm.address(address), settings.farmPort(), behaviour, n);
  }

  /**
   * The run's own Redis server, on loopback and without persistence: every role of the run uses it,
   * so its CPU time is the run's alone (the machine's Redis may serve others), and nothing another
   * user keeps in Redis is flushed.
   */
  Proc redis() throws Exception {
    Proc redis =
        Proc.start(
            "redis",
            work.resolve("logs"),
            Map.of(),
            List.of(
                "redis-server",
                "--port",
                Integer.toString(settings.redisPort()),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                work.toString()));
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (true) {
      var client = RedisClient.create(redisUri());
      try (var connection = client.connect()) {
        connection.sync().ping();
        return redis;
      } catch (RuntimeException notYet) {
        if (!redis.process.isAlive() || Instant.now().isAfter(deadline)) {
          redis.close();
          throw new IllegalStateException(
              "The bench's Redis did not start on port " + settings.redisPort() + "; see its log");
        }
        Thread.sleep(200);
      } finally {
        client.shutdown();
      }
    }
  }

  String redisUri() {
    return "redis://127.0.0.1:" + settings.redisPort();
  }

  /** Empties the run's Redis, so that a phase starts without the streams of the one before. */
  void flushRedis() {
    var client = RedisClient.create(redisUri());
    try (var connection = client.connect()) {
      connection.sync().flushall();
    } finally {
      client.shutdown();
    }
  }

  Map<String, String> redisEnv() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SPRING_DATA_REDIS_HOST", "127.0.0.1");
    env.put("SPRING_DATA_REDIS_PORT", Integer.toString(settings.redisPort()));
    env.put("SPRING_DATA_REDIS_DATABASE", "0");
    return env;
  }

  Map<String, String> suiteEnv(String jdbcUrl) {
    Map<String, String> env = redisEnv();
    env.put("SPRING_DATASOURCE_URL", jdbcUrl);
    env.put("SPRING_DATASOURCE_USERNAME", LocalPostgres.ROLE);
    env.put("SPRING_DATASOURCE_PASSWORD", LocalPostgres.PASSWORD);
    env.put("JWT_SECRET", "benchmark-only-secret-0123456789abcdef012345");
    env.put("MAX_URL_COUNT", "1000000");
    return env;
  }

  /** The named database of this run ({@code BENCH_DATABASE} plus a suffix), dropped and empty. */
  String freshDatabase(String suffix) {
    return LocalPostgres.recreateDatabase(settings.database() + suffix);
  }
}

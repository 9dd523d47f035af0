package io.upwatch.bench;

import io.upwatch.testing.LocalPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every benchmark phase shares: where the jars are, where logs go, and how a role is started
 * against the benchmark's database and Redis.
 *
 * @param root the repository root
 * @param work the run's scratch folder (logs, configs)
 * @param java the java executable
 */
record Bench(Path root, Path work, String java) {

  /** Farm addresses: 127.0.0.2 .. 127.0.0.33. */
  static final int ADDRESSES = 32;

  static final String DATABASE = "upwatch_bench";

  /**
   * Starts a role as production does, through bin/run-role: the same JVM flags, with the memory of
   * its Kubernetes manifest (the run-role script caps the JVM at it outside a container).
   */
  Proc role(String role, String name, Map<String, String> env) throws IOException {
    Map<String, String> environment = new LinkedHashMap<>(env);
    environment.put("JAVA", java);
    environment.put("JAVA_OPTS", "");
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
            "9100"));
  }

  Map<String, String> redisEnv(int database) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SPRING_DATA_REDIS_HOST", "127.0.0.1");
    env.put("SPRING_DATA_REDIS_PORT", "6379");
    env.put("SPRING_DATA_REDIS_DATABASE", Integer.toString(database));
    return env;
  }

  Map<String, String> suiteEnv(String jdbcUrl, int redisDatabase) {
    Map<String, String> env = redisEnv(redisDatabase);
    env.put("SPRING_DATASOURCE_URL", jdbcUrl);
    env.put("SPRING_DATASOURCE_USERNAME", LocalPostgres.ROLE);
    env.put("SPRING_DATASOURCE_PASSWORD", LocalPostgres.PASSWORD);
    env.put("JWT_SECRET", "benchmark-only-secret-0123456789abcdef012345");
    env.put("MAX_URL_COUNT", "1000000");
    return env;
  }
}

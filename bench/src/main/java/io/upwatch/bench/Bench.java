package io.upwatch.bench;

import io.upwatch.testing.LocalPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
   * JVM flags as the roles run in production: the image's (Dockerfile: heap 75 % of the memory at
   * most, 25 % at start), {@code -XX:MaxRAM} set to the role's memory limit in the Kubernetes
   * manifests (deploy/k8s/*.yaml), and the role's own {@code JAVA_OPTS} there (the monitoring
   * worker's heap is set explicitly: its live set is ~40 MiB whatever the container's size).
   */
  static final Map<String, List<String>> ROLE_FLAGS =
      Map.of(
          "api-server", List.of("-XX:MaxRAM=768m"),
          "local-worker", List.of("-XX:MaxRAM=768m"),
          "monitoring-worker", List.of("-XX:MaxRAM=512m", "-Xms32m", "-Xmx128m"));

  Proc role(String role, String name, Map<String, String> env) throws IOException {
    Path jar = root.resolve(role).resolve("target/upwatch-" + role + "-0.1.0-SNAPSHOT.jar");
    List<String> command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-Xss512k"));
    command.addAll(List.of("-XX:MaxRAMPercentage=75", "-XX:InitialRAMPercentage=25"));
    command.addAll(ROLE_FLAGS.get(role));
    // As the image sets it: fewer malloc arenas, less native memory held by many threads.
    Map<String, String> environment = new LinkedHashMap<>(env);
    environment.put("MALLOC_ARENA_MAX", "2");
    command.addAll(List.of("-jar", jar.toString()));
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

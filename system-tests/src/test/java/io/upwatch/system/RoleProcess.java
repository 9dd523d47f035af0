package io.upwatch.system;

import io.upwatch.testing.LocalPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One Upwatch role running from its packaged jar as a separate operating-system process. */
final class RoleProcess implements AutoCloseable {

  private final String name;
  private final int port;
  private final Path log;
  private final Process process;

  private RoleProcess(String name, int port, Path log, Process process) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
  }

  /**
   * What every role needs to reach the test's PostgreSQL database and Redis database; a copy the
   * caller may add to.
   */
  /** An environment variable, or the fallback when it is unset or blank. */
  static String setting(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  static Map<String, String> environment(String jdbcUrl, int redisDatabase) {
    Map<String, String> env = new java.util.HashMap<>();
    env.put("SPRING_DATASOURCE_URL", jdbcUrl);
    env.put("SPRING_DATASOURCE_USERNAME", LocalPostgres.ROLE);
    env.put("SPRING_DATASOURCE_PASSWORD", LocalPostgres.PASSWORD);
    env.put("SPRING_DATA_REDIS_HOST", "127.0.0.1");
    env.put("SPRING_DATA_REDIS_PORT", "6379");
    env.put("SPRING_DATA_REDIS_DATABASE", Integer.toString(redisDatabase));
    env.put("JWT_SECRET", "system-test-secret-0123456789abcdef0123456789");
    return env;
  }

  /** What every role needs to reach the test's PostgreSQL database and a Redis Cluster. */
  static Map<String, String> clusterEnvironment(String jdbcUrl, String clusterNodes) {
    // A cluster has database 0 only (overriding a SPRING_DATA_REDIS_DATABASE the test inherits).
    Map<String, String> env = environment(jdbcUrl, 0);
    env.remove("SPRING_DATA_REDIS_HOST");
    env.remove("SPRING_DATA_REDIS_PORT");
    env.put("SPRING_DATA_REDIS_CLUSTER_NODES", clusterNodes);
    return env;
  }

  /** Starts one role from its jar through bin/run-role, as {@code FUNC=<role>} does. */
  static RoleProcess start(String role, String name, Map<String, String> env) throws IOException {
    int port = freePort();
    Map<String, String> withPort = new java.util.HashMap<>(env);
    withPort.put("SERVER_PORT", Integer.toString(port));
    return launch(role, name, port, withPort);
  }

  /**
   * Starts every role in one JVM, as {@code FUNC=all} does: the API on {@code port}, the workers on
   * the next two ports; {@link #url} reaches the API.
   */
  static RoleProcess startAllInOne(String name, Map<String, String> env, int port)
      throws IOException {
    Map<String, String> withPort = new java.util.HashMap<>(env);
    withPort.put("SERVER_PORT", Integer.toString(port));
    return launch("all", name, port, withPort);
  }

  /**
   * Runs bin/run-role, the launch every deployment uses, with the build's jars; the flags added
   * here (quick start-up, a small fixed heap: the tests start many JVMs on one machine) come after
   * the role's own and win.
   */
  private static RoleProcess launch(String role, String name, int port, Map<String, String> env)
      throws IOException {
    Path log = Files.createDirectories(Path.of("target", "system-logs")).resolve(name + ".log");
    Path runRole = Path.of(System.getProperty("upwatch.root", "..")).resolve("bin/run-role");
    var builder =
        new ProcessBuilder(runRole.toString(), role)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    builder.environment().remove("UPWATCH_JARS");
    builder.environment().put("JAVA", System.getProperty("upwatch.java", "java"));
    builder.environment().put("JAVA_OPTS", "-XX:TieredStopAtLevel=1 -Xmx384m");
    return new RoleProcess(name, port, log, builder.start());
  }

  /** Three consecutive free ports, for {@link #startAllInOne}; returns the first. */
  static int freePorts() throws IOException {
    for (int attempt = 0; attempt < 20; attempt++) {
      int first = freePort();
      if (free(first + 1) && free(first + 2)) {
        return first;
      }
    }
    throw new IOException("No three consecutive free ports");
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket(port)) {
      return true;
    } catch (IOException taken) {
      return false;
    }
  }

  /** Waits until the role reports ready, or fails with the tail of its log. */
  RoleProcess awaitReady(Duration timeout) throws Exception {
    return awaitReady(timeout, port);
  }

  /** Waits until the role listening on {@code readyPort} reports ready. */
  RoleProcess awaitReady(Duration timeout, int readyPort) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    try (HttpClient http = HttpClient.newHttpClient()) {
      var request =
          HttpRequest.newBuilder(
                  URI.create("http://127.0.0.1:" + readyPort + "/actuator/health/readiness"))
              .timeout(Duration.ofSeconds(2))
              .build();
      while (Instant.now().isBefore(deadline)) {
        if (!process.isAlive()) {
          throw new IllegalStateException(name + " exited:\n" + tail());
        }
        try {
          if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return this;
          }
        } catch (IOException notYetListening) {
          // keep waiting
        }
        Thread.sleep(500);
      }
    }
    throw new IllegalStateException(name + " not ready within " + timeout + ":\n" + tail());
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** SIGKILL: the process gets no chance to finish or hand back anything. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

package io.upwatch.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Where the integration tests find PostgreSQL and Redis, decided once per JVM by {@code
 * UPWATCH_TEST_SERVICES}:
 *
 * <ul>
 *   <li>{@code local}: the local services, never Docker;
 *   <li>{@code containers}: a PostgreSQL and a Redis container (Testcontainers), shared by every
 *       test of the JVM;
 *   <li>{@code auto} (the default): the local services when both answer (a TCP connect each, so the
 *       usual run pays nothing and never asks Docker); otherwise containers if a Docker daemon is
 *       there; otherwise the local services, whose absence the tests then report.
 * </ul>
 *
 * The local PostgreSQL is reached through {@code UPWATCH_TEST_PG_ADMIN_URL}, {@code
 * UPWATCH_TEST_PG_ADMIN_USER} and {@code UPWATCH_TEST_PG_ADMIN_PASSWORD} (defaults: the {@code
 * postgres} database on 127.0.0.1:5432 as {@code postgres}, no password), the local Redis on
 * 127.0.0.1:6379, as the tests' {@code application-test.yml} say.
 */
public final class TestServices {

  /**
   * An administrative connection to a PostgreSQL server, for provisioning test databases.
   *
   * @param adminUrl JDBC URL of the server's {@code postgres} database
   * @param user a role that may create roles and databases
   * @param password its password
   */
  public record Postgres(String adminUrl, String user, String password) {

    /** The JDBC URL of another database on the same server. */
    public String urlOf(String database) {
      return adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + database;
    }
  }

  /**
   * A Redis server.
   *
   * @param host its host
   * @param port its port
   */
  public record Redis(String host, int port) {}

  static final String POSTGRES_IMAGE = "postgres:16-alpine";
  static final String REDIS_IMAGE = "redis:7-alpine";

  private static final Logger log = LoggerFactory.getLogger(TestServices.class);
  private static final Redis LOCAL_REDIS = new Redis("127.0.0.1", 6379);
  private static final Pattern HOST_PORT =
      Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/.*");
  private static TestServices current;

  private final Postgres postgres;
  private final Redis redis;
  private final boolean containers;

  private TestServices(Postgres postgres, Redis redis, boolean containers) {
    this.postgres = postgres;
    this.redis = redis;
    this.containers = containers;
  }

  /** The services of this JVM, decided (and containers started) on the first call. */
  public static synchronized TestServices get() {
    if (current == null) {
      current = decide(env("UPWATCH_TEST_SERVICES", "auto").toLowerCase(Locale.ROOT));
    }
    return current;
  }

  public Postgres postgres() {
    return postgres;
  }

  public Redis redis() {
    return redis;
  }

  /** True when the services run in containers, so Redis settings must point at them. */
  public boolean inContainers() {
    return containers;
  }

  private static TestServices decide(String mode) {
    Postgres local =
        new Postgres(
            env("UPWATCH_TEST_PG_ADMIN_URL", "jdbc:postgresql://127.0.0.1:5432/postgres"),
            env("UPWATCH_TEST_PG_ADMIN_USER", "postgres"),
            env("UPWATCH_TEST_PG_ADMIN_PASSWORD", ""));
    boolean containers =
        switch (mode) {
          case "local" -> false;
          case "containers" -> true;
          case "auto" ->
              !(reachable(local) && reachable(LOCAL_REDIS.host(), LOCAL_REDIS.port()))
                  && DockerClientFactory.instance().isDockerAvailable();
          default ->
              throw new IllegalStateException(
                  "UPWATCH_TEST_SERVICES must be local, containers or auto, not " + mode);
        };
    return containers ? startContainers() : new TestServices(local, LOCAL_REDIS, false);
  }

  private static TestServices startContainers() {
    var postgres =
        new PostgreSQLContainer(POSTGRES_IMAGE)
            // Throwaway data: durability only slows the tests down.
            .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=200");
    var redis = new GenericContainer<>(REDIS_IMAGE).withExposedPorts(6379);
    postgres.start();
    redis.start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  redis.stop();
                  postgres.stop();
                }));
    var services =
        new TestServices(
            new Postgres(
                "jdbc:postgresql://"
                    + postgres.getHost()
                    + ":"
                    + postgres.getMappedPort(5432)
                    + "/postgres",
                postgres.getUsername(),
                postgres.getPassword()),
            new Redis(redis.getHost(), redis.getMappedPort(6379)),
            true);
    log.info(
        "Tests use containers: PostgreSQL {} at {}, Redis at {}:{}",
        POSTGRES_IMAGE,
        services.postgres().adminUrl(),
        services.redis().host(),
        services.redis().port());
    return services;
  }

  private static boolean reachable(Postgres postgres) {
    var matcher = HOST_PORT.matcher(postgres.adminUrl());
    if (!matcher.matches()) {
      return true; // Not a URL we can probe: leave it to the driver.
    }
    int port = matcher.group(2) == null ? 5432 : Integer.parseInt(matcher.group(2));
    return reachable(matcher.group(1), port);
  }

  private static boolean reachable(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 250);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}

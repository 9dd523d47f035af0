package io.upwatch.system;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.upwatch.testing.LocalPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one system test class runs on: a fresh PostgreSQL database and Redis database, the role
 * processes it starts from their packaged jars, and whatever else it opens (targets, receivers).
 * {@link #close()} stops the roles first, then the rest.
 */
final class SystemSuite implements AutoCloseable {

  private static final Duration READY = Duration.ofSeconds(180);

  private final String jdbcUrl;
  private final int redisDatabase;
  private final RedisClient redisClient;
  private final StatefulRedisConnection<String, String> redis;
  private final List<RoleProcess> roles = new ArrayList<>();
  private final Deque<AutoCloseable> resources = new ArrayDeque<>();

  private SystemSuite(
      String jdbcUrl,
      int redisDatabase,
      RedisClient redisClient,
      StatefulRedisConnection<String, String> redis) {
    this.jdbcUrl = jdbcUrl;
    this.redisDatabase = redisDatabase;
    this.redisClient = redisClient;
    this.redis = redis;
  }

  /** Recreates {@code database} and empties the Redis database {@code redisDatabase}. */
  static SystemSuite onFreshStores(String database, int redisDatabase) throws Exception {
    String jdbcUrl = LocalPostgres.recreateDatabase(database);
    RedisClient client = RedisClient.create("redis://127.0.0.1:6379/" + redisDatabase);
    StatefulRedisConnection<String, String> redis = client.connect();
    redis.sync().flushdb();
    return new SystemSuite(jdbcUrl, redisDatabase, client, redis);
  }

  /** The environment every role of the suite gets: a new map, to add to. */
  Map<String, String> environment() {
    return RoleProcess.environment(jdbcUrl, redisDatabase);
  }

  RedisCommands<String, String> redis() {
    return redis.sync();
  }

  Connection database() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, LocalPostgres.ROLE, LocalPostgres.PASSWORD);
  }

  /** Starts a role; it is stopped with the suite. */
  RoleProcess start(String role, String name, Map<String, String> env) throws IOException {
    RoleProcess process = RoleProcess.start(role, name, env);
    roles.add(process);
    return process;
  }

  /** Waits until every role started so far is ready. */
  void awaitReady() throws Exception {
    for (RoleProcess role : roles) {
      role.awaitReady(READY);
    }
  }

  /** Stops a role now, as a crash or a scale-down would. */
  void stop(RoleProcess role) throws Exception {
    role.close();
    roles.remove(role);
  }

  /** Closes {@code resource} with the suite, after the roles. */
  <T extends AutoCloseable> T closeAtEnd(T resource) {
    resources.push(resource);
    return resource;
  }

  /** A copy of {@code env} with one more variable. */
  static Map<String, String> with(Map<String, String> env, String key, String value) {
    Map<String, String> copy = new HashMap<>(env);
    copy.put(key, value);
    return copy;
  }

  /** A copy of {@code env} for a monitoring worker of {@code region}, named after it. */
  static Map<String, String> inRegion(Map<String, String> env, String region) {
    Map<String, String> copy = with(env, "MONITORING_REGION", region);
    copy.put("UPWATCH_MONITORING_WORKER_ID", "mw-" + region);
    return copy;
  }

  @Override
  public void close() throws Exception {
    for (RoleProcess role : roles) {
      role.close();
    }
    while (!resources.isEmpty()) {
      resources.pop().close();
    }
    redis.close();
    redisClient.shutdown();
  }
}

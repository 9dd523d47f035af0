package io.upwatch.common.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Translates the environment variable names of the original Go service (gomon) into Upwatch's
 * properties, so that an existing deployment's environment keeps working unchanged. Upwatch's own
 * names (e.g. {@code SPRING_DATASOURCE_URL}, {@code UPWATCH_API_MAX_URL_COUNT}) take precedence.
 */
public final class GomonAliases {

  /** Every variable of the original that Upwatch reads. */
  public static final Set<String> VARIABLES =
      Set.of(
          "DB_HOST",
          "DB_PORT",
          "DB_NAME",
          "DB_USER",
          "DB_PASS",
          "REDIS_HOST",
          "REDIS_PASSWORD",
          "MACHINERY_BROKER",
          "JWT_SECRET",
          "MAX_URL_COUNT",
          "DEFAUTL_RESET_TIME",
          "DEFAULT_RESET_TIME",
          "POPULATE_URL_COUNT",
          "MONITORING_SERVER_CONCURRENCY",
          "MONITORING_REGION",
          "LOCAL_WORKER_CONCURRENCY");

  private GomonAliases() {}

  /** The Upwatch properties implied by the gomon variables present in {@code env}. */
  public static Map<String, Object> translate(Map<String, String> env) {
    Map<String, Object> properties = new LinkedHashMap<>();
    database(env, properties);
    redis(env, properties);
    copy(env, "JWT_SECRET", "upwatch.api.jwt.secret", properties);
    copy(env, "MAX_URL_COUNT", "upwatch.api.max-url-count", properties);
    // The original reads its own misspelling; accept both.
    copy(env, "DEFAUTL_RESET_TIME", "upwatch.api.default-failure-window", properties);
    copy(env, "DEFAULT_RESET_TIME", "upwatch.api.default-failure-window", properties);
    copy(env, "POPULATE_URL_COUNT", "upwatch.api.populate.url-count", properties);
    copy(env, "MONITORING_SERVER_CONCURRENCY", "upwatch.monitoring.concurrency", properties);
    copy(env, "MONITORING_REGION", "upwatch.monitoring.region", properties);
    copy(env, "LOCAL_WORKER_CONCURRENCY", "upwatch.worker.concurrency", properties);
    return properties;
  }

  private static void database(Map<String, String> env, Map<String, Object> properties) {
    if (present(env, "DB_HOST") || present(env, "DB_PORT") || present(env, "DB_NAME")) {
      properties.put(
          "spring.datasource.url",
          "jdbc:postgresql://%s:%s/%s"
              .formatted(
                  valueOr(env, "DB_HOST", "localhost"),
                  valueOr(env, "DB_PORT", "5432"),
                  valueOr(env, "DB_NAME", "upwatch")));
    }
    copy(env, "DB_USER", "spring.datasource.username", properties);
    copy(env, "DB_PASS", "spring.datasource.password", properties);
  }

  private static void redis(Map<String, String> env, Map<String, Object> properties) {
    String broker = env.get("MACHINERY_BROKER");
    if (broker != null && broker.startsWith("redis")) {
      properties.put("spring.data.redis.url", broker);
    } else if (present(env, "REDIS_HOST")) {
      // gomon writes host and port together: "redis:6379".
      String hostAndPort = env.get("REDIS_HOST");
      int colon = hostAndPort.lastIndexOf(':');
      if (colon > 0 && hostAndPort.indexOf(']', colon) < 0) {
        properties.put("spring.data.redis.host", hostAndPort.substring(0, colon));
        properties.put("spring.data.redis.port", hostAndPort.substring(colon + 1));
      } else {
        properties.put("spring.data.redis.host", hostAndPort);
      }
    }
    copy(env, "REDIS_PASSWORD", "spring.data.redis.password", properties);
  }

  private static void copy(
      Map<String, String> env, String variable, String property, Map<String, Object> properties) {
    if (present(env, variable)) {
      properties.put(property, env.get(variable));
    }
  }

  private static boolean present(Map<String, String> env, String variable) {
    String value = env.get(variable);
    return value != null && !value.isBlank();
  }

  private static String valueOr(Map<String, String> env, String variable, String fallback) {
    return present(env, variable) ? env.get(variable) : fallback;
  }
}

package io.upwatch.system;

/**
 * Where a system test keeps its data: its own PostgreSQL database and a Redis database, both chosen
 * by the environment when several checkouts test on one machine ({@code UPWATCH_TEST_DATABASE}
 * prefixes the database names, {@code SPRING_DATA_REDIS_DATABASE} picks the Redis database, which
 * the system tests then share: they run one after another and each empties it first).
 */
final class TestStores {

  private TestStores() {}

  /**
   * The test's PostgreSQL database: {@code <UPWATCH_TEST_DATABASE>_<suffix>}, else the fallback.
   */
  static String database(String suffix, String fallback) {
    String prefix = System.getenv("UPWATCH_TEST_DATABASE");
    return prefix == null || prefix.isBlank() ? fallback : prefix.strip() + "_" + suffix;
  }

  /** The test's Redis database: {@code SPRING_DATA_REDIS_DATABASE}, else the fallback. */
  static int redisDatabase(int fallback) {
    String value = System.getenv("SPRING_DATA_REDIS_DATABASE");
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
  }
}

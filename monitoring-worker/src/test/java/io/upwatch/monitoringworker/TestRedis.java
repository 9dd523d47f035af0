package io.upwatch.monitoringworker;

/** Which database of the local Redis a test class uses. */
public final class TestRedis {

  private TestRedis() {}

  /**
   * The class's own database, or {@code SPRING_DATA_REDIS_DATABASE} when set, so that checkouts
   * building side by side on one Redis do not flush each other's streams.
   */
  public static int database(int own) {
    String override = System.getenv("SPRING_DATA_REDIS_DATABASE");
    return override == null || override.isBlank() ? own : Integer.parseInt(override.trim());
  }
}

package io.upwatch.monitoringworker;

import java.io.IOException;
import java.net.ServerSocket;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Which Redis a test class uses: a database of the local one, or none at all. */
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

  /** Points the worker at a port of this host where nothing listens: a Redis that is down. */
  public static void down(DynamicPropertyRegistry registry) throws IOException {
    int closed;
    try (var socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    registry.add("spring.data.redis.host", () -> "127.0.0.1");
    registry.add("spring.data.redis.port", () -> closed);
  }
}

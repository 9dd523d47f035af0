package io.upwatch.bench;

import io.upwatch.testing.LocalPostgres;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PostgreSQL server settings that shape its share of a check: its buffer cache against the
 * day's partition, vacuum (which sets the visibility maps index-only reads need), checkpoints and
 * commits. The bench uses the server as it finds it and changes none of them; the report says what
 * they were.
 */
final class PostgresServer {

  private static final List<String> SETTINGS =
      List.of(
          "server_version",
          "shared_buffers",
          "autovacuum",
          "checkpoint_timeout",
          "max_wal_size",
          "synchronous_commit");

  private PostgresServer() {}

  static Map<String, Object> describe(String database) {
    Map<String, Object> settings = new LinkedHashMap<>();
    try (var connection =
            DriverManager.getConnection(
                LocalPostgres.ensureDatabase(database),
                LocalPostgres.ROLE,
                LocalPostgres.PASSWORD);
        var statement = connection.createStatement()) {
      for (String name : SETTINGS) {
        try (var rs = statement.executeQuery("SHOW " + name)) {
          rs.next();
          settings.put(name, rs.getString(1));
        }
      }
    } catch (SQLException | RuntimeException e) {
      // Phases without PostgreSQL (baselines, the prober alone) run without it.
      settings.put("unavailable", e.getMessage());
    }
    return settings;
  }
}

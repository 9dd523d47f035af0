package io.upwatch.localworker.alert;

import com.zaxxer.hikari.HikariDataSource;
import io.upwatch.testing.LocalPostgres;
import org.flywaydb.core.Flyway;

/** A database of the schema's migrations for tests that need no Spring context. */
final class MigratedDatabase {

  private MigratedDatabase() {}

  /**
   * The database {@code upwatch_<name>}, fresh once per run and migrated. Beside the worker's test
   * database when the environment names one (several checkouts testing on one server), so
   * concurrent runs never drop each other's database.
   */
  static HikariDataSource open(String name) {
    var dataSource = new HikariDataSource();
    String prefix = System.getenv("UPWATCH_TEST_DATABASE");
    dataSource.setJdbcUrl(
        LocalPostgres.freshDatabaseOncePerRun((prefix == null ? "upwatch" : prefix) + "_" + name));
    dataSource.setUsername(LocalPostgres.ROLE);
    dataSource.setPassword(LocalPostgres.PASSWORD);
    Flyway.configure().dataSource(dataSource).load().migrate();
    return dataSource;
  }
}

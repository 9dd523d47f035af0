package io.upwatch.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/**
 * Provisions a role and a database on the tests' PostgreSQL server, so that tests never assume one
 * exists. The server, local or in a container, is {@link TestServices}'s choice.
 */
public final class LocalPostgres {

  /** The role the tests connect as; it owns every test database. */
  public static final String ROLE = "upwatch_test";

  /** The password of {@link #ROLE}; a test-only credential on a loopback server. */
  public static final String PASSWORD = "upwatch_test";

  private static final Set<String> RECREATED_IN_THIS_JVM = new HashSet<>();

  private LocalPostgres() {}

  /**
   * The named database, dropped and created empty the first time this JVM asks for it, so a run
   * never inherits a schema (or a changed migration's old checksum) from an earlier run; later
   * calls reuse it, as the test contexts cached in this JVM do.
   */
  public static synchronized String freshDatabaseOncePerRun(String database) {
    if (RECREATED_IN_THIS_JVM.add(database)) {
      return recreateDatabase(database);
    }
    return ensureDatabase(database);
  }

  /** Creates the test role and the named database when missing; returns its JDBC URL. */
  public static synchronized String ensureDatabase(String database) {
    checkName(database);
    try (Connection admin = admin();
        Statement statement = admin.createStatement()) {
      if (!exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", ROLE)) {
        statement.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + PASSWORD + "'");
      }
      if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
        statement.execute("CREATE DATABASE " + database + " OWNER " + ROLE);
      }
    } catch (SQLException e) {
      throw unavailable(database, e);
    }
    return TestServices.get().postgres().urlOf(database);
  }

  /** Drops the named database (closing its connections) and creates it empty. */
  public static synchronized String recreateDatabase(String database) {
    checkName(database);
    try (Connection admin = admin();
        Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    } catch (SQLException e) {
      throw unavailable(database, e);
    }
    return ensureDatabase(database);
  }

  private static Connection admin() throws SQLException {
    var server = TestServices.get().postgres();
    return DriverManager.getConnection(server.adminUrl(), server.user(), server.password());
  }

  private static void checkName(String database) {
    if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("Unsafe database name: " + database);
    }
  }

  private static IllegalStateException unavailable(String database, SQLException e) {
    return new IllegalStateException(
        "Cannot provision test database '"
            + database
            + "' through "
            + TestServices.get().postgres().adminUrl()
            + ". Is PostgreSQL running? (./upwatch services, or Docker for"
            + " UPWATCH_TEST_SERVICES=containers)",
        e);
  }

  private static boolean exists(Connection connection, String sql, String name)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, name);
      return query.executeQuery().next();
    }
  }
}

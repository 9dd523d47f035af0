package io.upwatch.bench;

import io.upwatch.testing.LocalPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * The PostgreSQL processes that work for one database: its backends (the roles' connections,
 * autovacuum workers while they run) and the server's WAL writer, checkpointer and background
 * writer. Those three serve every database, so on a machine where other databases are busy they
 * carry some of their load too; the backends are the database's alone. The machine's other
 * databases' backends, busy with other work, do not count.
 */
final class PostgresProcesses implements AutoCloseable {

  private static final String PIDS =
      """
      SELECT pid FROM pg_stat_activity
      WHERE datname = current_database()
         OR backend_type IN ('walwriter', 'checkpointer', 'background writer')
      """;

  private final Connection db;

  PostgresProcesses(String jdbcUrl) throws SQLException {
    this.db = DriverManager.getConnection(jdbcUrl, LocalPostgres.ROLE, LocalPostgres.PASSWORD);
  }

  synchronized Set<Long> pids() {
    Set<Long> pids = new HashSet<>();
    try (var statement = db.createStatement();
        var rs = statement.executeQuery(PIDS)) {
      while (rs.next()) {
        pids.add(rs.getLong(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot list PostgreSQL's processes", e);
    }
    return pids;
  }

  @Override
  public void close() throws SQLException {
    db.close();
  }
}

package io.upwatch.localworker.ingest;

import io.upwatch.common.CheckResult;
import io.upwatch.common.TaskId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores results in the checks table. The primary key is the task id and region (url, slot,
 * region), so a redelivered result is still one row, and only new rows are returned for alert
 * evaluation. Rows go in key order: two workers storing the same redelivered results then wait on
 * each other instead of deadlocking.
 *
 * <p>A batch is copied in ({@code COPY}), under a savepoint: nearly every batch is all new rows,
 * and a copy writes them with less work than an insert that checks each row for a conflict first.
 * It also writes the table's pages through a small ring of buffers of its own: pages nobody reads
 * meanwhile leave PostgreSQL's buffer cache again instead of pushing out the primary key's, which
 * every insert needs (bench/README.md, "Ingestion by COPY"). A batch holding a row stored before (a
 * redelivery) fails the copy, is rolled back to the savepoint and inserted row by row with {@code
 * ON CONFLICT DO NOTHING} instead.
 */
@Repository
class CheckWriter {

  private static final String UNIQUE_VIOLATION = "23505";

  private static final Comparator<CheckResult> KEY_ORDER =
      Comparator.comparingLong((CheckResult r) -> r.id().urlId())
          .thenComparing(r -> r.id().slot())
          .thenComparing(CheckRows::region);

  private static final String INSERT =
      """
      INSERT INTO checks (url_id, slot, started_at, latency_ms, status_code, failure_kind,
                          success, message, region, tls_expires_at)
      SELECT r.url_id,
             timestamptz 'epoch' + r.slot_ms * interval '1 millisecond',
             timestamptz 'epoch' + r.started_ms * interval '1 millisecond',
             r.latency_ms, r.status, r.kind, r.success, r.message, coalesce(r.region, ''),
             timestamptz 'epoch' + r.tls_ms * interval '1 millisecond'
      FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::int[], ?::int[], ?::text[],
                  ?::boolean[], ?::text[], ?::text[], ?::bigint[])
           AS r(url_id, slot_ms, started_ms, latency_ms, status, kind, success, message, region,
                tls_ms)
      ORDER BY r.url_id, r.slot_ms, r.region
      ON CONFLICT DO NOTHING
      RETURNING url_id, slot, region
      """;

  private final JdbcClient jdbc;
  private final JdbcTemplate connections;

  CheckWriter(JdbcTemplate connections) {
    this.jdbc = JdbcClient.create(connections);
    this.connections = connections;
  }

  /** Inserts the results; returns those that were new (not stored before). */
  List<CheckResult> insert(List<CheckResult> results) {
    if (results.isEmpty()) {
      return List.of();
    }
    List<CheckResult> rows = distinctInKeyOrder(results);
    return copied(rows) ? rows : insertNew(rows);
  }

  /** Copies the rows in; false, with nothing written, when one of them was stored before. */
  private boolean copied(List<CheckResult> rows) {
    byte[] data = CheckRows.encode(rows);
    Boolean copied =
        connections.execute(
            (ConnectionCallback<Boolean>)
                connection -> {
                  // Outside a transaction a failed copy writes nothing anyway.
                  Savepoint before = connection.getAutoCommit() ? null : connection.setSavepoint();
                  try {
                    copy(connection, data);
                  } catch (SQLException e) {
                    if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                      throw e;
                    }
                    if (before != null) {
                      connection.rollback(before);
                    }
                    return false;
                  }
                  if (before != null) {
                    connection.releaseSavepoint(before);
                  }
                  return true;
                });
    return Boolean.TRUE.equals(copied);
  }

  private static void copy(Connection connection, byte[] data) throws SQLException {
    CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(CheckRows.COPY);
    try {
      copy.writeToCopy(data, 0, data.length);
      copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }

  /** One result per key (a result read twice in one batch is one row), in key order. */
  private static List<CheckResult> distinctInKeyOrder(List<CheckResult> results) {
    Map<StoredKey, CheckResult> distinct = new LinkedHashMap<>();
    for (CheckResult result : results) {
      distinct.putIfAbsent(StoredKey.of(result), result);
    }
    return distinct.values().stream().sorted(KEY_ORDER).toList();
  }

  /** Inserts the rows not stored before; returns those. */
  private List<CheckResult> insertNew(List<CheckResult> results) {
    int n = results.size();
    Long[] urlIds = new Long[n];
    Long[] slots = new Long[n];
    Long[] started = new Long[n];
    Integer[] latency = new Integer[n];
    Integer[] status = new Integer[n];
    String[] kind = new String[n];
    Boolean[] success = new Boolean[n];
    String[] message = new String[n];
    String[] region = new String[n];
    Long[] tls = new Long[n];
    for (int i = 0; i < n; i++) {
      CheckResult r = results.get(i);
      urlIds[i] = r.id().urlId();
      slots[i] = r.id().slot().toEpochMilli();
      started[i] = r.startedAt().toEpochMilli();
      latency[i] = CheckRows.latency(r);
      status[i] = r.statusCode();
      kind[i] = r.failureKind() == null ? null : r.failureKind().name();
      success[i] = r.success();
      message[i] = r.message();
      region[i] = r.region();
      tls[i] = r.tlsExpiresAt() == null ? null : r.tlsExpiresAt().toEpochMilli();
    }
    Set<StoredKey> stored = new HashSet<>();
    jdbc.sql(INSERT)
        .params(urlIds, slots, started, latency, status, kind, success, message, region, tls)
        .query(
            rs -> {
              stored.add(
                  new StoredKey(
                      new TaskId(rs.getLong("url_id"), rs.getTimestamp("slot").toInstant()),
                      rs.getString("region")));
            });
    return results.stream().filter(r -> stored.remove(StoredKey.of(r))).toList();
  }

  /** A row's key, with the region as stored. */
  private record StoredKey(TaskId id, String region) {
    static StoredKey of(CheckResult result) {
      return new StoredKey(result.id(), CheckRows.region(result));
    }
  }
}

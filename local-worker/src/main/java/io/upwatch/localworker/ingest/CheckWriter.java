package io.upwatch.localworker.ingest;

import io.upwatch.common.CheckResult;
import io.upwatch.common.TaskId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores results in the checks table with one statement per batch. The primary key is the task id
 * and region (url, slot, region), so a redelivered result is still one row, and only new rows are
 * returned for alert evaluation. Rows go in key order: two workers storing the same redelivered
 * results then wait on each other instead of deadlocking.
 */
@Repository
class CheckWriter {

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

  CheckWriter(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the results; returns those that were new (not stored before). */
  List<CheckResult> insert(List<CheckResult> results) {
    if (results.isEmpty()) {
      return List.of();
    }
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
      latency[i] = (int) Math.min(Integer.MAX_VALUE, Math.max(0, r.latencyMillis()));
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

  /** A row's key: results that come from no region are stored under the empty label. */
  private record StoredKey(TaskId id, String region) {
    static StoredKey of(CheckResult result) {
      return new StoredKey(result.id(), result.region() == null ? "" : result.region());
    }
  }
}

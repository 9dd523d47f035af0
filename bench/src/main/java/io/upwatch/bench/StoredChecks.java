package io.upwatch.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The end-to-end figures as the service stored them, read from the bench's database: checks and
 * schedule lag of a window, the slots the URLs' grids put in it (from {@code bench_phase}, where
 * the bench notes each URL's first slot as it adds it), alert latency and bytes per check.
 */
final class StoredChecks {

  /**
   * The bench's record of each URL's grid: its first slot (epoch milliseconds, on the grid {@code
   * urls.phase_ms} describes) and interval. The first slot, not only the phase: a URL added during
   * a step has no slots before it.
   */
  static final String PHASES_TABLE =
      "CREATE TABLE IF NOT EXISTS bench_phase"
          + " (url_id bigint PRIMARY KEY, first_slot_ms bigint NOT NULL,"
          + " interval_seconds int NOT NULL)";

  private final Connection db;

  StoredChecks(Connection db) {
    this.db = db;
  }

  /** Stored checks and their lag for slots in [from, to), and the slots expected there. */
  StepFigures window(int offered, Instant from, Instant to) throws Exception {
    try (var q =
        db.prepareStatement(
            """
            SELECT count(*),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM started_at - slot)),
                   percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM started_at - slot)),
                   max(extract(epoch FROM started_at - slot))
            FROM checks WHERE slot >= ? AND slot < ?
            """)) {
      q.setTimestamp(1, Timestamp.from(from));
      q.setTimestamp(2, Timestamp.from(to));
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return new StepFigures(
            offered,
            expectedSlots(from, to),
            rs.getLong(1),
            ProberBench.round(rs.getDouble(2) * 1000),
            ProberBench.round(rs.getDouble(3) * 1000),
            ProberBench.round(rs.getDouble(4) * 1000));
      }
    }
  }

  /**
   * Slots first + k * interval (k >= 0) in [from, to) over every URL, in whole milliseconds as
   * slots are; a URL added after {@code from} has none before its first slot.
   */
  long expectedSlots(Instant from, Instant to) throws Exception {
    try (var q =
        db.prepareStatement(
            """
            SELECT coalesce(sum(greatest(0, ceil((?::bigint - first_slot_ms) / (interval_seconds * 1000.0)))
                              - greatest(0, ceil((?::bigint - first_slot_ms) / (interval_seconds * 1000.0)))), 0)
            FROM bench_phase
            """)) {
      q.setLong(1, to.toEpochMilli());
      q.setLong(2, from.toEpochMilli());
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** How large the cold JVMs' backlog grew in [from, to) and when its lag fell under 1 s. */
  Map<String, Object> coldStart(Instant from, Instant to) throws Exception {
    Map<String, Object> m = new LinkedHashMap<>();
    try (var q =
        db.prepareStatement(
            """
            SELECT max(extract(epoch FROM started_at - slot)),
                   extract(epoch FROM max(slot) FILTER (WHERE started_at - slot > interval '1 s')
                                      - min(slot))
            FROM checks WHERE slot >= ? AND slot < ?
            """)) {
      q.setTimestamp(1, Timestamp.from(from));
      q.setTimestamp(2, Timestamp.from(to));
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        m.put("lagMaxMs", ProberBench.round(rs.getDouble(1) * 1000));
        m.put("secondsUntilLagUnder1s", ProberBench.round(rs.getDouble(2)));
      }
    }
    return m;
  }

  /** Breaching check done to alert row, for alerts triggered by slots before {@code until}. */
  Map<String, Object> alertLatency(Instant until) throws Exception {
    Map<String, Object> m = new LinkedHashMap<>();
    try (var q =
        db.prepareStatement(
            """
            SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY d), percentile_cont(0.99)
                   WITHIN GROUP (ORDER BY d), count(*)
            FROM (SELECT extract(epoch FROM a.opened_at
                           - (c.started_at + c.latency_ms * interval '1 ms')) * 1000 AS d
                  FROM alerts a JOIN checks c ON c.url_id = a.url_id AND c.slot = a.trigger_slot
                  WHERE a.trigger_slot < ?) x
            """)) {
      q.setTimestamp(1, Timestamp.from(until));
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        m.put("alertLatencyP50Ms", ProberBench.round(rs.getDouble(1)));
        m.put("alertLatencyP99Ms", ProberBench.round(rs.getDouble(2)));
        m.put("alertsMeasured", rs.getLong(3));
      }
    }
    return m;
  }

  /** The server's WAL insert position in bytes: its growth is the WAL written meanwhile. */
  long walPosition() throws Exception {
    return scalar("SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::bigint");
  }

  /** Table and index bytes of the checks partitions per stored row. */
  double bytesPerCheck() throws Exception {
    long rows = scalar("SELECT count(*) FROM checks");
    long bytes =
        scalar(
            "SELECT coalesce(sum(pg_total_relation_size(inhrelid)), 0) FROM pg_inherits"
                + " WHERE inhparent = 'checks'::regclass");
    return rows == 0 ? 0 : ProberBench.round(bytes / (double) rows);
  }

  /** Waits until the count of checks with slots before {@code until} stops growing (max 2 min). */
  void awaitSettled(Instant until) throws Exception {
    long previous = -1;
    Instant deadline = Instant.now().plusSeconds(120);
    try (var count = db.prepareStatement("SELECT count(*) FROM checks WHERE slot < ?")) {
      count.setTimestamp(1, Timestamp.from(until));
      while (Instant.now().isBefore(deadline)) {
        try (ResultSet rs = count.executeQuery()) {
          rs.next();
          long now = rs.getLong(1);
          if (now == previous) {
            return;
          }
          previous = now;
        }
        Thread.sleep(5000);
      }
    }
  }

  long scalar(String sql) throws Exception {
    try (var statement = db.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

package io.upwatch.localworker.heartbeat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Claims heartbeat monitors whose deadline passed and moves their cursor, in the caller's
 * transaction. Rows are locked with SKIP LOCKED, so any number of local workers can run the pass
 * and each heartbeat is judged by one of them at a time.
 */
@Repository
class DueHeartbeatClaimer {

  // last_ping: pings since the period that led to the deadline began. Earlier ones were judged by
  // the pass that set the deadline; the range keeps this an index range scan of a few rows.
  private static final String CLAIM =
      """
      WITH due AS (
          SELECT id, next_check_at, interval_seconds, grace_seconds, failure_window_seconds
          FROM urls
          WHERE enabled AND kind = 'HEARTBEAT' AND next_check_at <= :until
          ORDER BY next_check_at
          LIMIT :batch
          FOR UPDATE SKIP LOCKED
      )
      SELECT due.*,
             (SELECT max(c.slot) FROM checks c
              WHERE c.url_id = due.id
                AND c.slot > due.next_check_at
                             - make_interval(secs => due.interval_seconds + due.grace_seconds)
                AND c.failure_kind IS DISTINCT FROM 'NO_PING') AS last_ping
      FROM due
      """;

  private static final String ADVANCE =
      """
      UPDATE urls u SET next_check_at = n.deadline
      FROM unnest(?::bigint[], ?::timestamptz[]) AS n(id, deadline)
      WHERE u.id = n.id
      """;

  private final JdbcClient jdbc;

  DueHeartbeatClaimer(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Claims up to {@code batch} heartbeats whose deadline is not after {@code until}. */
  List<DueHeartbeat> claim(Instant until, int batch) {
    return jdbc.sql(CLAIM)
        .param("until", Timestamp.from(until))
        .param("batch", batch)
        .query(
            (rs, row) -> {
              Timestamp lastPing = rs.getTimestamp("last_ping");
              return new DueHeartbeat(
                  rs.getLong("id"),
                  rs.getTimestamp("next_check_at").toInstant(),
                  Duration.ofSeconds(rs.getInt("interval_seconds")),
                  Duration.ofSeconds(rs.getInt("grace_seconds")),
                  Duration.ofSeconds(rs.getInt("failure_window_seconds")),
                  lastPing == null ? null : lastPing.toInstant());
            })
        .list();
  }

  /** Sets the claimed heartbeats' new deadlines. */
  void advance(List<Long> ids, List<Instant> deadlines) {
    jdbc.sql(ADVANCE)
        .params(
            ids.toArray(Long[]::new),
            deadlines.stream().map(Timestamp::from).toArray(Timestamp[]::new))
        .update();
  }
}

package io.upwatch.localworker.schedule;

import io.upwatch.common.CheckTask;
import io.upwatch.common.TaskId;
import io.upwatch.common.probe.ProbeKind;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Claims due URLs in the database. Rows are locked with SKIP LOCKED and their cursor moved to the
 * next slot in the same statement, so any number of schedulers can run at once and no slot is
 * handed out twice. After downtime only the latest missed slot is checked: earlier ones are
 * skipped, not replayed. A URL's kind and probe spec go with its task as stored (the spec as JSON
 * text, not parsed here). Heartbeat monitors are not probed: their pings come to the API and their
 * silence is judged by the missed-ping pass ({@code heartbeat/MissedPingPass}).
 */
@Repository
class DueUrlClaimer {

  // slot: the latest point of the URL's grid (next_check_at + k * interval) not after now.
  private static final String CLAIM =
      """
      WITH due AS (
          SELECT id,
                 date_trunc('milliseconds',
                     next_check_at + floor(extract(epoch FROM now() - next_check_at) / interval_seconds)
                                     * make_interval(secs => interval_seconds)) AS slot
          FROM urls
          WHERE enabled AND kind <> 'HEARTBEAT' AND next_check_at <= now()
          ORDER BY next_check_at
          LIMIT :batch
          FOR UPDATE SKIP LOCKED
      )
      UPDATE urls u
      SET next_check_at = due.slot + make_interval(secs => u.interval_seconds)
      FROM due
      WHERE u.id = due.id
      RETURNING u.id, u.url, u.timeout_ms, u.kind, u.check_spec::text AS spec, u.regions, due.slot
      """;

  private final JdbcClient jdbc;

  DueUrlClaimer(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Claims up to {@code batch} due URLs; must run inside the transaction that publishes them. */
  List<DueCheck> claim(int batch) {
    return jdbc.sql(CLAIM)
        .param("batch", batch)
        .query(
            (rs, row) ->
                new DueCheck(
                    new CheckTask(
                        new TaskId(rs.getLong("id"), rs.getTimestamp("slot").toInstant()),
                        rs.getString("url"),
                        Duration.ofMillis(rs.getInt("timeout_ms")),
                        ProbeKind.valueOf(rs.getString("kind")),
                        rs.getString("spec")),
                    regions(rs.getArray("regions"))))
        .list();
  }

  private static List<String> regions(Array array) throws SQLException {
    return array == null ? List.of() : List.of((String[]) array.getArray());
  }
}

package io.upwatch.localworker.schedule;

import io.upwatch.common.CheckTask;
import io.upwatch.common.TaskId;
import io.upwatch.common.probe.ProbeKind;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads which URLs have a slot in a range of time, from their interval and phase alone: it writes
 * nothing. A slot more than one interval older than the time the range is handed out at is skipped,
 * so after downtime each URL is checked at its latest missed slot only. A URL's kind and probe spec
 * go with its task as stored (the spec as JSON text, not parsed here). Heartbeat monitors are not
 * probed: their pings come to the API and their silence is judged by the missed-ping pass ({@code
 * heartbeat/MissedPingPass}).
 */
@Repository
class DueSlots {

  // Per distinct interval (a loose scan of urls_schedule_idx), the part of [from, until) where its
  // URLs' slots are still due: at most one interval, so at most one slot per URL. That window is
  // one range of phases, or two when it wraps past the end of the interval; each is one range scan
  // of the index. The LATERAL subquery's OFFSET keeps it a parameterised index scan per range.
  private static final String IN_RANGE =
      """
      WITH RECURSIVE intervals(seconds) AS (
          SELECT min(interval_seconds) FROM urls WHERE enabled AND kind <> 'HEARTBEAT'
          UNION ALL
          SELECT (SELECT min(interval_seconds) FROM urls
                  WHERE enabled AND kind <> 'HEARTBEAT' AND interval_seconds > i.seconds)
          FROM intervals i
          WHERE i.seconds IS NOT NULL
      ),
      windows AS (
          SELECT seconds, period, start, start % period AS lo, :until - start + start % period AS hi
          FROM (SELECT seconds, seconds * 1000::bigint AS period,
                       greatest(:from, :due - seconds * 1000::bigint) AS start
                FROM intervals
                WHERE seconds IS NOT NULL) w
          WHERE start < :until
      ),
      phases AS (
          SELECT seconds, period, start, lo AS base, lo, least(hi, period) AS hi FROM windows
          UNION ALL
          SELECT seconds, period, start, lo, 0, hi - period FROM windows WHERE hi > period
      )
      SELECT u.id, u.url, u.timeout_ms, u.kind, u.spec, u.regions,
             p.start + (u.phase_ms - p.base + p.period) % p.period AS slot_ms
      FROM phases p
      CROSS JOIN LATERAL (
          SELECT id, url, timeout_ms, kind, check_spec::text AS spec, regions, phase_ms
          FROM urls
          WHERE enabled AND kind <> 'HEARTBEAT'
            AND interval_seconds = p.seconds AND phase_ms >= p.lo AND phase_ms < p.hi
          OFFSET 0
      ) u
      ORDER BY slot_ms
      """;

  private final JdbcClient jdbc;

  DueSlots(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The checks due in {@code [from, until)}, in slot order.
   *
   * @param due when the range is handed out: slots more than one interval before it are skipped
   */
  List<DueCheck> inRange(Instant from, Instant until, Instant due) {
    return jdbc.sql(IN_RANGE)
        .param("from", millisAtOrAfter(from))
        .param("until", millisAtOrAfter(until))
        .param("due", millisAtOrAfter(due))
        .query(
            (rs, row) ->
                new DueCheck(
                    new CheckTask(
                        new TaskId(rs.getLong("id"), Instant.ofEpochMilli(rs.getLong("slot_ms"))),
                        rs.getString("url"),
                        Duration.ofMillis(rs.getInt("timeout_ms")),
                        ProbeKind.valueOf(rs.getString("kind")),
                        rs.getString("spec")),
                    regions(rs.getArray("regions"))))
        .list();
  }

  // Slots fall on whole milliseconds: at or after t exactly when at or after this one.
  private static long millisAtOrAfter(Instant t) {
    long millis = t.toEpochMilli();
    return t.equals(Instant.ofEpochMilli(millis)) ? millis : millis + 1;
  }

  private static List<String> regions(Array array) throws SQLException {
    return array == null ? List.of() : List.of((String[]) array.getArray());
  }
}

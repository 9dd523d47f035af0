package io.upwatch.api.history;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The current state of many URLs in one statement: paused, down while an alert is open, no data
 * without a check in the raw retention, else up.
 */
@Repository
public class CurrentStates {

  // The latest check per URL: a backward scan of the (url_id, slot) key, one probe per partition.
  private static final String STATES =
      """
      SELECT u.id, u.enabled, last.slot, last.success,
             EXISTS (SELECT 1 FROM alerts a
                     WHERE a.url_id = u.id AND a.kind = 'AVAILABILITY' AND a.resolved_at IS NULL)
                 AS alerting
      FROM urls u
      LEFT JOIN LATERAL (
          SELECT c.slot, c.success FROM checks c
          WHERE c.url_id = u.id AND c.slot > :since
          ORDER BY c.slot DESC LIMIT 1) last ON TRUE
      WHERE u.id = ANY(:ids)
      """;

  private final JdbcClient jdbc;

  CurrentStates(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The states of those of the URLs that exist, by id. */
  public Map<Long, CurrentState> of(Collection<Long> urlIds, Instant since) {
    Map<Long, CurrentState> states = new LinkedHashMap<>();
    if (urlIds.isEmpty()) {
      return states;
    }
    jdbc.sql(STATES)
        .param("ids", urlIds.toArray(Long[]::new))
        .param("since", Timestamp.from(since))
        .query(
            (rs, row) -> {
              Timestamp slot = rs.getTimestamp("slot");
              MonitorState state;
              if (!rs.getBoolean("enabled")) {
                state = MonitorState.PAUSED;
              } else if (rs.getBoolean("alerting")) {
                state = MonitorState.DOWN;
              } else if (slot == null) {
                state = MonitorState.NO_DATA;
              } else {
                state = MonitorState.UP;
              }
              return new CurrentState(
                  rs.getLong("id"),
                  state,
                  slot == null ? null : slot.toInstant(),
                  slot == null ? null : rs.getBoolean("success"));
            })
        .list()
        .forEach(state -> states.put(state.urlId(), state));
    return states;
  }
}

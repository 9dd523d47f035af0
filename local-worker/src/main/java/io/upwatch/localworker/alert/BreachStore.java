package io.upwatch.localworker.alert;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes the corrections of the regions' breaches ({@code region_breaches}), one statement of each
 * kind for a whole batch; {@link AlertStore} reads them back with the alerts.
 */
@Repository
class BreachStore {

  private static final String DELETE = "DELETE FROM region_breaches WHERE id = ANY(?)";

  private static final String CORRECT =
      """
      UPDATE region_breaches b
      SET trigger_slot = timestamptz 'epoch' + c.trigger_ms * interval '1 millisecond',
          failure_count = c.failure_count,
          resolved_slot = timestamptz 'epoch' + c.resolved_ms * interval '1 millisecond'
      FROM unnest(?::bigint[], ?::bigint[], ?::int[], ?::bigint[])
           AS c(id, trigger_ms, failure_count, resolved_ms)
      WHERE b.id = c.id
      """;

  private static final String INSERT =
      """
      INSERT INTO region_breaches (url_id, region, trigger_slot, failure_count, resolved_slot)
      SELECT n.url_id, n.region, timestamptz 'epoch' + n.trigger_ms * interval '1 millisecond',
             n.failure_count, timestamptz 'epoch' + n.resolved_ms * interval '1 millisecond'
      FROM unnest(?::bigint[], ?::text[], ?::bigint[], ?::int[], ?::bigint[])
           AS n(url_id, region, trigger_ms, failure_count, resolved_ms)
      """;

  private final JdbcClient jdbc;

  BreachStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Applies the changes of a batch: withdrawn breaches first, then corrections, then new ones, so
   * that a breach moved and one added in its place never hold the same key at once.
   */
  void apply(
      List<StoredAlert> withdrawn, List<AlertChanges.Correction> corrected, List<New> added) {
    if (!withdrawn.isEmpty()) {
      jdbc.sql(DELETE).param(withdrawn.stream().map(StoredAlert::id).toArray(Long[]::new)).update();
    }
    if (!corrected.isEmpty()) {
      jdbc.sql(CORRECT)
          .params(
              corrected.stream().map(c -> c.stored().id()).toArray(Long[]::new),
              corrected.stream().map(c -> c.span().trigger().toEpochMilli()).toArray(Long[]::new),
              corrected.stream().map(c -> c.span().failureCount()).toArray(Integer[]::new),
              corrected.stream()
                  .map(c -> AlertStore.millisOrNull(c.span().resolved()))
                  .toArray(Long[]::new))
          .update();
    }
    if (!added.isEmpty()) {
      jdbc.sql(INSERT)
          .params(
              added.stream().map(New::urlId).toArray(Long[]::new),
              added.stream().map(n -> n.span().regions().getFirst()).toArray(String[]::new),
              added.stream().map(n -> n.span().trigger().toEpochMilli()).toArray(Long[]::new),
              added.stream().map(n -> n.span().failureCount()).toArray(Integer[]::new),
              added.stream()
                  .map(n -> AlertStore.millisOrNull(n.span().resolved()))
                  .toArray(Long[]::new))
          .update();
    }
  }

  /** A new breach of one of a URL's regions. */
  record New(long urlId, AlertSpan span) {}
}

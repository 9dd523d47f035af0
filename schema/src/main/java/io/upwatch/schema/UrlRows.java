package io.upwatch.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The one bulk writer of {@code urls} rows, beside the API's JPA entity (which writes one URL at a
 * time): used where thousands of URLs are created at once, by the API's root-user populator and by
 * the benchmarks. One statement per {@value #CHUNK} URLs (arrays unnested on the server), so
 * 100,000 URLs take a few seconds; it runs in the caller's transaction.
 */
public final class UrlRows {

  static final int CHUNK = 10_000;

  private static final String INSERT =
      """
      INSERT INTO urls (user_id, name, url, threshold, interval_seconds, timeout_ms,
                        failure_window_seconds, enabled, phase_ms, paused_at)
      SELECT *, CASE WHEN NOT enabled THEN now() END
      FROM unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::int[], ?::int[], ?::int[],
                  ?::int[], ?::boolean[], ?::int[])
           AS u(user_id, name, url, threshold, interval_seconds, timeout_ms,
                failure_window_seconds, enabled, phase_ms)
      """;

  private UrlRows() {}

  /**
   * One URL to insert, with the columns the API would set.
   *
   * @param intervalSeconds seconds between checks
   * @param timeoutMs total deadline of a check in milliseconds
   * @param failureWindowSeconds trailing window in which failures count, in seconds
   * @param firstSlot a slot of the URL's grid: the first the scheduler hands out when it lies ahead
   */
  public record NewUrl(
      long userId,
      String name,
      String url,
      int threshold,
      int intervalSeconds,
      int timeoutMs,
      int failureWindowSeconds,
      boolean enabled,
      Instant firstSlot) {

    SlotGrid grid() {
      return SlotGrid.through(firstSlot, Duration.ofSeconds(intervalSeconds));
    }
  }

  /**
   * Inserts the URLs.
   *
   * @return rows inserted
   */
  public static int insert(Connection db, List<NewUrl> urls) throws SQLException {
    int inserted = 0;
    for (int from = 0; from < urls.size(); from += CHUNK) {
      inserted += insertChunk(db, urls.subList(from, Math.min(urls.size(), from + CHUNK)));
    }
    return inserted;
  }

  private static int insertChunk(Connection db, List<NewUrl> urls) throws SQLException {
    try (var insert = db.prepareStatement(INSERT)) {
      insert.setArray(1, db.createArrayOf("int8", column(urls, NewUrl::userId)));
      insert.setArray(2, db.createArrayOf("varchar", column(urls, NewUrl::name)));
      insert.setArray(3, db.createArrayOf("varchar", column(urls, NewUrl::url)));
      insert.setArray(4, db.createArrayOf("int4", column(urls, NewUrl::threshold)));
      insert.setArray(5, db.createArrayOf("int4", column(urls, NewUrl::intervalSeconds)));
      insert.setArray(6, db.createArrayOf("int4", column(urls, NewUrl::timeoutMs)));
      insert.setArray(7, db.createArrayOf("int4", column(urls, NewUrl::failureWindowSeconds)));
      insert.setArray(8, db.createArrayOf("bool", column(urls, NewUrl::enabled)));
      insert.setArray(9, db.createArrayOf("int4", column(urls, url -> (int) url.grid().phaseMs())));
      return insert.executeUpdate();
    }
  }

  private static Object[] column(List<NewUrl> urls, Function<NewUrl, Object> value) {
    return urls.stream().map(value).toArray();
  }
}

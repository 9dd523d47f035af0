package io.upwatch.api.dashboard;

import io.upwatch.api.config.ApiProperties;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Chart buckets grouped in PostgreSQL from the raw checks: one index-only range read. */
@Component
class RawCheckSeries implements ResponseTimeSeries {

  private final JdbcClient jdbc;
  private final Duration retention;

  RawCheckSeries(JdbcClient jdbc, ApiProperties properties) {
    this.jdbc = jdbc;
    this.retention = properties.statsRetention();
  }

  @Override
  public boolean covers(ChartWindow window) {
    return window.span().compareTo(retention) <= 0;
  }

  @Override
  public List<ChartPoint> series(long urlId, ChartWindow window, Instant now) {
    Instant from = now.minus(window.span());
    return jdbc.sql(
            """
            SELECT date_bin(make_interval(secs => :bucket), slot, CAST(:from AS timestamptz)) AS t,
                   count(*) AS checks,
                   count(*) FILTER (WHERE NOT success) AS failures,
                   avg(latency_ms::float8) FILTER (WHERE status_code IS NOT NULL) AS average,
                   max(latency_ms::float8) FILTER (WHERE status_code IS NOT NULL) AS highest
            FROM checks
            WHERE url_id = :url AND slot > :from AND slot <= :now
            GROUP BY t
            ORDER BY t
            """)
        .param("bucket", window.bucket().toSeconds())
        .param("from", Timestamp.from(from))
        .param("now", Timestamp.from(now))
        .param("url", urlId)
        .query(
            (rs, row) ->
                new ChartPoint(
                    rs.getTimestamp("t").toInstant(),
                    rs.getLong("checks"),
                    rs.getLong("failures"),
                    rs.getObject("average", Double.class),
                    rs.getObject("highest", Double.class)))
        .list();
  }
}

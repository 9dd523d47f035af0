package io.upwatch.localworker.notify;

import io.upwatch.common.notify.ChannelKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox as a work queue. A claim takes due deliveries with {@code FOR UPDATE SKIP LOCKED} and,
 * in the same statement, moves their next attempt past a lease: another worker sees them again only
 * if this one dies before recording the outcome.
 */
@Component
class DeliveryQueue {

  private static final String CLAIM =
      """
      UPDATE notification_deliveries d
      SET attempts = d.attempts + 1, last_attempt_at = now(), in_flight = true,
          next_attempt_at = now() + make_interval(secs => ?)
      FROM (SELECT id FROM notification_deliveries n
            WHERE status = 'PENDING' AND next_attempt_at <= now()
              AND NOT EXISTS (SELECT 1 FROM notification_deliveries earlier
                              WHERE earlier.alert_id = n.alert_id
                                AND earlier.channel_id = n.channel_id
                                AND earlier.id < n.id AND earlier.status = 'PENDING')
            ORDER BY next_attempt_at
            LIMIT ?
            FOR UPDATE SKIP LOCKED) due,
           notification_channels ch
      WHERE d.id = due.id AND ch.id = d.channel_id
      RETURNING d.id, d.event_id, d.event, d.payload::text AS payload, ch.kind, ch.id AS channel_id,
                ch.target, ch.secret, d.attempts, d.created_at
      """;

  private final JdbcClient jdbc;

  DeliveryQueue(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Delivery> claim(int limit, Duration lease) {
    return jdbc.sql(CLAIM).params(lease.toMillis() / 1000.0, limit).query(this::delivery).list();
  }

  void delivered(Delivery delivery, Integer status) {
    jdbc.sql(
            """
            UPDATE notification_deliveries
            SET status = 'DELIVERED', in_flight = false, delivered_at = now(), last_status = ?,
                last_error = NULL
            WHERE id = ? AND status = 'PENDING'
            """)
        .params(status, delivery.id())
        .update();
    jdbc.sql(
            """
            UPDATE notification_deliveries SET next_attempt_at = now()
            WHERE channel_id = ? AND status = 'PENDING' AND NOT in_flight AND next_attempt_at > now()
            """)
        .param(delivery.channelId())
        .update();
  }

  void retryAt(long id, Instant next, DeliveryFailed failure) {
    jdbc.sql(
            """
            UPDATE notification_deliveries
            SET next_attempt_at = ?, in_flight = false, last_status = ?, last_error = left(?, 512)
            WHERE id = ? AND status = 'PENDING'
            """)
        .params(Timestamp.from(next), failure.status(), failure.getMessage(), id)
        .update();
  }

  void failed(long id, DeliveryFailed failure) {
    jdbc.sql(
            """
            UPDATE notification_deliveries
            SET status = 'FAILED', in_flight = false, last_status = ?, last_error = left(?, 512)
            WHERE id = ? AND status = 'PENDING'
            """)
        .params(failure.status(), failure.getMessage(), id)
        .update();
  }

  /** Deletes finished deliveries older than the retention; returns how many. */
  int purgeFinished(Duration retention) {
    return jdbc.sql(
            """
            DELETE FROM notification_deliveries
            WHERE status <> 'PENDING' AND created_at < now() - make_interval(secs => ?)
            """)
        .params(retention.toSeconds())
        .update();
  }

  private Delivery delivery(ResultSet rs, int row) throws SQLException {
    return new Delivery(
        rs.getLong("id"),
        rs.getString("event_id"),
        rs.getString("event"),
        rs.getString("payload"),
        ChannelKind.valueOf(rs.getString("kind")),
        rs.getLong("channel_id"),
        rs.getString("target"),
        rs.getString("secret"),
        rs.getInt("attempts"),
        rs.getTimestamp("created_at").toInstant());
  }
}

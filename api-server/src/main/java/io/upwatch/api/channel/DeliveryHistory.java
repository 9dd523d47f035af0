package io.upwatch.api.channel;

import io.upwatch.common.notify.NotificationPayload;
import io.upwatch.common.notify.NotificationPayloads;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads a channel's deliveries, newest first, and records test messages for the dispatcher. */
@Component
class DeliveryHistory {

  private final JdbcClient jdbc;
  private final Clock clock;

  DeliveryHistory(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  Page<DeliveryResponse> page(long channelId, Pageable pageable) {
    List<DeliveryResponse> items =
        jdbc.sql(
                """
                SELECT id, event_id, event, alert_id, status, attempts, created_at, last_attempt_at,
                       next_attempt_at, delivered_at, last_status, last_error
                FROM notification_deliveries WHERE channel_id = ?
                ORDER BY id DESC LIMIT ? OFFSET ?
                """)
            .params(channelId, pageable.getPageSize(), pageable.getOffset())
            .query(this::delivery)
            .list();
    long total =
        jdbc.sql("SELECT count(*) FROM notification_deliveries WHERE channel_id = ?")
            .param(channelId)
            .query(Long.class)
            .single();
    return new PageImpl<>(items, pageable, total);
  }

  TestDeliveryResponse recordTest(NotificationChannel channel) {
    var payload =
        NotificationPayload.test(
            "test-" + UUID.randomUUID(),
            clock.instant(),
            new NotificationPayload.Channel(channel.getId(), channel.getName()));
    long id =
        jdbc.sql(
                """
                INSERT INTO notification_deliveries (channel_id, event_id, event, payload)
                VALUES (?, ?, ?, ?::jsonb)
                RETURNING id
                """)
            .params(
                channel.getId(),
                payload.eventId(),
                payload.event().type(),
                NotificationPayloads.toJson(payload))
            .query(Long.class)
            .single();
    return new TestDeliveryResponse(id, payload.eventId());
  }

  private DeliveryResponse delivery(ResultSet rs, int row) throws SQLException {
    String status = rs.getString("status").toLowerCase(java.util.Locale.ROOT);
    return new DeliveryResponse(
        rs.getLong("id"),
        rs.getString("event_id"),
        rs.getString("event"),
        rs.getObject("alert_id", Long.class),
        status,
        rs.getInt("attempts"),
        instant(rs.getTimestamp("created_at")),
        instant(rs.getTimestamp("last_attempt_at")),
        status.equals("pending") ? instant(rs.getTimestamp("next_attempt_at")) : null,
        instant(rs.getTimestamp("delivered_at")),
        rs.getObject("last_status", Integer.class),
        rs.getString("last_error"));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}

package io.upwatch.localworker.notify;

import io.upwatch.common.notify.NotificationPayload;
import io.upwatch.common.notify.NotificationPayloads;
import io.upwatch.common.region.DeploymentRegions;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records the deliveries of alert events in the caller's transaction (the one that opened or
 * resolved the alerts), one per enabled channel of the URL's owner that covers the URL. The event
 * id is derived from the alert, so recording the same event twice is a no-op. The payload is the
 * shared {@link NotificationPayload}, built from the alert and URL rows as they are now; {@code
 * alert.kind} says which rule raised it: AVAILABILITY, or CERTIFICATE_EXPIRY with {@code
 * alert.certificateExpiresAt}.
 */
@Component
public class NotificationOutbox {

  private static final String COVERED =
      """
      SELECT a.id, a.kind, a.opened_at, a.resolved_at, a.trigger_slot, a.resolved_slot,
             a.failure_count, a.threshold, a.window_seconds, a.certificate_expires_at,
             a.regions, a.quorum, a.reopened, now() AS detected_at,
             u.id AS url_id, u.name, u.url, u.kind AS url_kind, u.regions AS url_regions,
             u.interval_seconds, u.timeout_ms, ch.id AS channel_id
      FROM alerts a
      JOIN urls u ON u.id = a.url_id
      JOIN notification_channels ch ON ch.user_id = u.user_id AND ch.enabled
      WHERE a.id = ANY(?)
        AND (ch.all_urls OR EXISTS (SELECT 1 FROM notification_channel_urls l
                                    WHERE l.channel_id = ch.id AND l.url_id = u.id))
      """;

  private static final String ENQUEUE =
      """
      INSERT INTO notification_deliveries (channel_id, event_id, event, alert_id, payload)
      SELECT d.channel_id, d.event_id, ?, d.alert_id, d.payload::jsonb
      FROM unnest(?::bigint[], ?::text[], ?::bigint[], ?::text[])
           AS d(channel_id, event_id, alert_id, payload)
      ON CONFLICT (event_id, channel_id) DO NOTHING
      """;

  private final JdbcClient jdbc;
  private final DeploymentRegions deployment;

  public NotificationOutbox(JdbcClient jdbc, DeploymentRegions deployment) {
    this.jdbc = jdbc;
    this.deployment = deployment;
  }

  /**
   * Records the event for each alert; must run in the transaction that changed the alerts.
   *
   * @return deliveries recorded
   */
  public int record(AlertEvent event, List<Long> alertIds) {
    if (alertIds.isEmpty()) {
      return 0;
    }
    List<Row> rows = jdbc.sql(COVERED).param(alertIds.toArray(Long[]::new)).query(this::row).list();
    if (rows.isEmpty()) {
      return 0;
    }
    Long[] channels = new Long[rows.size()];
    String[] eventIds = new String[rows.size()];
    Long[] alerts = new Long[rows.size()];
    String[] payloads = new String[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      String eventId = eventId(row, event);
      channels[i] = row.channelId();
      eventIds[i] = eventId;
      alerts[i] = row.alert().id();
      payloads[i] =
          NotificationPayloads.toJson(
              event == AlertEvent.OPENED && row.reopened() > 0
                  ? NotificationPayload.alertReopened(
                      eventId, row.alert(), row.url(), row.onTime(), row.detectedAt())
                  : NotificationPayload.alertEvent(
                      eventId, event.event(), row.alert(), row.url(), row.onTime()));
    }
    return jdbc.sql(ENQUEUE).params(event.type(), channels, eventIds, alerts, payloads).update();
  }

  /**
   * {@code alert-<id>-opened} and {@code alert-<id>-resolved}; after the n-th time late results
   * showed a resolved alert still open, {@code alert-<id>-opened-<n>} and {@code
   * alert-<id>-resolved-<n>}, so each of its events is announced once.
   */
  private static String eventId(Row row, AlertEvent event) {
    String id = "alert-" + row.alert().id() + "-" + event.idSuffix();
    return row.reopened() == 0 ? id : id + "-" + row.reopened();
  }

  private Row row(ResultSet rs, int n) throws SQLException {
    var alert =
        new NotificationPayload.Alert(
            rs.getLong("id"),
            rs.getString("kind"),
            instant(rs, "opened_at"),
            instant(rs, "resolved_at"),
            instant(rs, "trigger_slot"),
            instant(rs, "resolved_slot"),
            rs.getInt("failure_count"),
            rs.getInt("threshold"),
            rs.getInt("window_seconds"),
            instant(rs, "certificate_expires_at"),
            named(regions(rs.getArray("regions"))),
            rs.getObject("quorum", Integer.class));
    boolean heartbeat = "HEARTBEAT".equals(rs.getString("url_kind"));
    List<String> own = regions(rs.getArray("url_regions"));
    var url =
        new NotificationPayload.Url(
            rs.getLong("url_id"),
            rs.getString("name"),
            rs.getString("url"),
            rs.getString("url_kind"),
            heartbeat ? List.of() : deployment.of(own));
    Duration onTime =
        Duration.ofSeconds(rs.getInt("interval_seconds")).plusMillis(rs.getInt("timeout_ms"));
    return new Row(
        alert,
        url,
        onTime,
        rs.getLong("channel_id"),
        rs.getInt("reopened"),
        instant(rs, "detected_at"));
  }

  private static List<String> regions(Array array) throws SQLException {
    return array == null ? null : List.of((String[]) array.getArray());
  }

  // A heartbeat's pings come from no region, stored as the empty label: it names none.
  private static List<String> named(List<String> regions) {
    return regions == null ? null : regions.stream().filter(r -> !r.isEmpty()).toList();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    var timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }

  /**
   * One alert and one channel that hears about it; {@code onTime}: the URL's interval + timeout;
   * {@code reopened}: how often late results showed the alert still open after its resolution.
   */
  private record Row(
      NotificationPayload.Alert alert,
      NotificationPayload.Url url,
      Duration onTime,
      long channelId,
      int reopened,
      Instant detectedAt) {}
}

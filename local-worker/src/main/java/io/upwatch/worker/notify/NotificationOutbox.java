package io.upwatch.worker.notify;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records the deliveries of alert events in the caller's transaction (the one that opened or
 * resolved the alerts), one per enabled channel of the URL's owner that covers the URL. The event
 * id is derived from the alert, so recording the same event twice is a no-op. {@code happenedAt} is
 * the slot of the check that caused the event and {@code occurredAt} when it was detected; an event
 * detected more than one interval plus the timeout after its check (results that arrived late,
 * after an outage of the pipeline) says so in {@code detectedLate}. {@code alert.kind} says which
 * rule raised it: AVAILABILITY, or CERTIFICATE_EXPIRY with {@code alert.certificateExpiresAt}.
 */
@Component
public class NotificationOutbox {

  private static final String ENQUEUE =
      """
      INSERT INTO notification_deliveries (channel_id, event_id, event, alert_id, payload)
      SELECT ch.id, e.event_id, e.event, a.id,
             jsonb_build_object(
               'eventId', e.event_id,
               'event', e.event,
               'occurredAt', to_char(e.occurred_at AT TIME ZONE 'UTC',
                                     'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
               'happenedAt', to_char(e.slot AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
               'detectedLate', e.occurred_at - e.slot > make_interval(secs => u.interval_seconds)
                                                        + u.timeout_ms * interval '1 millisecond',
               'alert', jsonb_build_object(
                   'id', a.id,
                   'kind', a.kind,
                   'certificateExpiresAt', to_char(a.certificate_expires_at AT TIME ZONE 'UTC',
                                                   'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                   'openedAt', to_char(a.opened_at AT TIME ZONE 'UTC',
                                       'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                   'resolvedAt', to_char(e.resolved_at AT TIME ZONE 'UTC',
                                         'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                   'triggerSlot', to_char(a.trigger_slot AT TIME ZONE 'UTC',
                                          'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                   'resolvedSlot', to_char(e.resolved_slot AT TIME ZONE 'UTC',
                                           'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                   'failureCount', a.failure_count,
                   'threshold', a.threshold,
                   'windowSeconds', a.window_seconds),
               'url', jsonb_build_object('id', u.id, 'name', u.name, 'url', u.url))
      FROM alerts a
      JOIN urls u ON u.id = a.url_id
      CROSS JOIN LATERAL (
          SELECT 'alert-' || a.id || '-' || ? AS event_id, p.event,
                 CASE WHEN p.event = 'alert.resolved' THEN a.resolved_at END AS resolved_at,
                 CASE WHEN p.event = 'alert.resolved' THEN a.resolved_slot END AS resolved_slot,
                 CASE WHEN p.event = 'alert.resolved' THEN a.resolved_at ELSE a.opened_at END
                     AS occurred_at,
                 CASE WHEN p.event = 'alert.resolved' THEN a.resolved_slot ELSE a.trigger_slot END
                     AS slot
          FROM (SELECT ?::varchar AS event) p) e
      JOIN notification_channels ch ON ch.user_id = u.user_id AND ch.enabled
      WHERE a.id = ANY(?)
        AND (ch.all_urls OR EXISTS (SELECT 1 FROM notification_channel_urls l
                                    WHERE l.channel_id = ch.id AND l.url_id = u.id))
      ON CONFLICT (event_id, channel_id) DO NOTHING
      """;

  private final JdbcClient jdbc;

  public NotificationOutbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
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
    return jdbc.sql(ENQUEUE)
        .params(event.idSuffix(), event.type(), alertIds.toArray(Long[]::new))
        .update();
  }
}

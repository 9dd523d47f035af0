package io.upwatch.localworker.alert;

import io.upwatch.common.CheckResult;
import io.upwatch.localworker.notify.AlertEvent;
import io.upwatch.localworker.notify.NotificationOutbox;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opens and resolves CERTIFICATE_EXPIRY alerts. For each URL whose new checks saw a certificate,
 * the latest stored check that saw one decides: a certificate expiring within the URL's {@code
 * certificate_expiry_days} of that check's slot opens the alert (if none is open), a later one
 * resolves it. A pure function of the stored checks, so repeating it or running it on several
 * workers changes nothing; URLs are locked through {@code alert_locks} as for availability alerts.
 * Runs in the transaction that stored the checks and records the notifications in it.
 */
@Component
public class CertificateExpiryEvaluator {

  private static final Logger log = LoggerFactory.getLogger(CertificateExpiryEvaluator.class);

  private static final String LOCK =
      """
      INSERT INTO alert_locks (url_id)
      SELECT id FROM urls WHERE id = ANY(?) ORDER BY id
      ON CONFLICT DO NOTHING
      """;

  private static final String LOCK_ROWS =
      "SELECT url_id FROM alert_locks WHERE url_id = ANY(?) ORDER BY url_id FOR UPDATE";

  // Per URL: its latest check that saw a certificate. That is no older than the newest such check
  // of this batch (since_ms), which bounds the scan to the recent partitions.
  private static final String LATEST =
      """
      WITH latest AS (
          SELECT u.id AS url_id, c.slot, c.tls_expires_at,
                 u.certificate_expiry_days > 0
                   AND c.tls_expires_at <= c.slot + make_interval(days => u.certificate_expiry_days)
                   AS near,
                 u.certificate_expiry_days AS days
          FROM unnest(?::bigint[], ?::bigint[]) AS q(url_id, since_ms)
          JOIN urls u ON u.id = q.url_id
          CROSS JOIN LATERAL (
              SELECT slot, tls_expires_at FROM checks
              WHERE url_id = u.id AND tls_expires_at IS NOT NULL
                AND slot >= timestamptz 'epoch' + q.since_ms * interval '1 millisecond'
              ORDER BY slot DESC LIMIT 1) c
      )
      SELECT l.url_id, l.slot, l.tls_expires_at, l.near, l.days, a.id AS open_id
      FROM latest l
      LEFT JOIN alerts a ON a.url_id = l.url_id AND a.kind = 'CERTIFICATE_EXPIRY'
                        AND a.resolved_at IS NULL
      """;

  private static final String OPEN =
      """
      INSERT INTO alerts (url_id, kind, opened_at, failure_count, threshold, window_seconds,
                          trigger_slot, certificate_expires_at)
      VALUES (?, 'CERTIFICATE_EXPIRY', now(), 0, ?, 0, ?, ?)
      RETURNING id
      """;

  private static final String RESOLVE =
      """
      UPDATE alerts SET resolved_at = greatest(now(), opened_at), resolved_slot = ?,
                        certificate_expires_at = ?
      WHERE id = ?
      """;

  private final JdbcClient jdbc;
  private final NotificationOutbox outbox;

  CertificateExpiryEvaluator(JdbcClient jdbc, NotificationOutbox outbox) {
    this.jdbc = jdbc;
    this.outbox = outbox;
  }

  /** Evaluates the URLs of stored results that saw a certificate, in the caller's transaction. */
  public void evaluate(List<CheckResult> stored) {
    Map<Long, Long> newest = new TreeMap<>();
    for (CheckResult result : stored) {
      if (result.tlsExpiresAt() != null) {
        newest.merge(result.id().urlId(), result.id().slot().toEpochMilli(), Math::max);
      }
    }
    if (newest.isEmpty()) {
      return;
    }
    Long[] urlIds = newest.keySet().toArray(Long[]::new);
    Long[] since = newest.values().toArray(Long[]::new);
    jdbc.sql(LOCK).param(urlIds).update();
    jdbc.sql(LOCK_ROWS).param(urlIds).query((rs, row) -> rs.getLong(1)).list();
    List<Latest> latest =
        jdbc.sql(LATEST)
            .params(urlIds, since)
            .query(
                (rs, row) ->
                    new Latest(
                        rs.getLong("url_id"),
                        rs.getTimestamp("slot"),
                        rs.getTimestamp("tls_expires_at"),
                        rs.getBoolean("near"),
                        rs.getInt("days"),
                        (Long) rs.getObject("open_id")))
            .list();
    for (Latest url : latest) {
      if (url.near() && url.openId() == null) {
        long id =
            jdbc.sql(OPEN)
                .params(url.urlId(), url.days(), url.slot(), url.expiresAt())
                .query(Long.class)
                .single();
        outbox.record(AlertEvent.OPENED, List.of(id));
        log.info(
            "URL {}: certificate expires at {}, alert {} opened", url.urlId(), url.expiresAt(), id);
      } else if (!url.near() && url.openId() != null) {
        jdbc.sql(RESOLVE).params(url.slot(), url.expiresAt(), url.openId()).update();
        outbox.record(AlertEvent.RESOLVED, List.of(url.openId()));
        log.info(
            "URL {}: certificate now expires at {}, alert {} resolved",
            url.urlId(),
            url.expiresAt(),
            url.openId());
      }
    }
  }

  private record Latest(
      long urlId, Timestamp slot, Timestamp expiresAt, boolean near, int days, Long openId) {}
}

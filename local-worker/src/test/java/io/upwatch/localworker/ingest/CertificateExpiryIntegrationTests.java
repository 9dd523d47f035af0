package io.upwatch.localworker.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.upwatch.common.CheckResult;
import io.upwatch.common.TaskId;
import io.upwatch.common.queue.ResultQueue;
import io.upwatch.localworker.alert.AlertEvaluator;
import io.upwatch.localworker.alert.CertificateExpiryEvaluator;
import io.upwatch.localworker.config.WorkerProperties;
import io.upwatch.localworker.support.Fixtures;
import io.upwatch.localworker.support.WorkerIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Certificate expiry alerts from results that went through the result stream and the checks table:
 * a certificate within the URL's threshold opens one CERTIFICATE_EXPIRY alert (notified with its
 * kind and date) next to any availability alert; a renewed one resolves it.
 */
@WorkerIntegrationTest
class CertificateExpiryIntegrationTests {

  @Autowired ResultQueue queue;
  @Autowired CheckWriter writer;
  @Autowired AlertEvaluator alerts;
  @Autowired CertificateExpiryEvaluator certificates;
  @Autowired TransactionTemplate transaction;
  @Autowired WorkerProperties properties;
  @Autowired IngestMetrics metrics;
  @Autowired Fixtures fixtures;

  long url;
  long channel;
  Instant slot = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.MINUTES);

  @BeforeEach
  void reset() {
    fixtures.reset();
    url = fixtures.url("shop", 0, 60, Instant.now().plusSeconds(3600));
    channel =
        fixtures.channel("hook", "WEBHOOK", "http://127.0.0.1:9/hook", "0123456789abcdef", true);
  }

  @Test
  void certificateExpiringInThreeDaysRaisesItsAlertAndARenewalResolvesIt() {
    ingest(check(0, slot.plus(Duration.ofDays(3))));

    assertThat(openCertificateAlerts()).isEqualTo(1);
    assertThat(fixtures.count("SELECT count(*) FROM alerts WHERE kind = 'AVAILABILITY'")).isZero();
    assertThat(
            fixtures
                .jdbc()
                .sql(
                    "SELECT payload->'alert'->>'kind' || ' ' || (payload->'alert'->>'certificateExpiresAt' IS NOT NULL)"
                        + " FROM notification_deliveries WHERE event = 'alert.opened'")
                .query(String.class)
                .single())
        .isEqualTo("CERTIFICATE_EXPIRY true");

    // Again, and out of order: nothing changes.
    ingest(check(1, slot.plus(Duration.ofDays(3))), check(0, slot.plus(Duration.ofDays(3))));
    assertThat(fixtures.count("SELECT count(*) FROM alerts")).isEqualTo(1);

    ingest(check(2, slot.plus(Duration.ofDays(90))));
    assertThat(openCertificateAlerts()).isZero();
    assertThat(fixtures.count("SELECT count(*) FROM notification_deliveries")).isEqualTo(2);
  }

  @Test
  void anOlderCheckArrivingLateDoesNotReopenTheAlert() {
    ingest(check(5, slot.plus(Duration.ofDays(90))));
    ingest(check(1, slot.plus(Duration.ofDays(3))));

    assertThat(fixtures.count("SELECT count(*) FROM alerts")).isZero();
  }

  @Test
  void zeroDaysTurnsTheAlertOffAndALongerThresholdCatchesEarlier() {
    fixtures.jdbc().sql("UPDATE urls SET certificate_expiry_days = 0").update();
    ingest(check(0, slot.plus(Duration.ofDays(1))));
    assertThat(openCertificateAlerts()).isZero();

    fixtures.jdbc().sql("UPDATE urls SET certificate_expiry_days = 30").update();
    ingest(check(1, slot.plus(Duration.ofDays(20))));
    assertThat(openCertificateAlerts()).isEqualTo(1);
  }

  private long openCertificateAlerts() {
    return fixtures.count(
        "SELECT count(*) FROM alerts WHERE kind = 'CERTIFICATE_EXPIRY' AND resolved_at IS NULL");
  }

  private CheckResult check(int minute, Instant expiresAt) {
    Instant at = slot.plusSeconds(60L * minute);
    return new CheckResult(new TaskId(url, at), at, 40, 200, null, null, "w1", "local", expiresAt);
  }

  private void ingest(CheckResult... results) {
    for (CheckResult result : results) {
      fixtures.publish(result);
    }
    drain();
  }

  /** The real ingestion path: a fresh consumer per drain (each test empties Redis). */
  private void drain() {
    var ingestor =
        new ResultIngestor(
            "cert",
            queue,
            writer,
            alerts,
            certificates,
            transaction,
            properties,
            Clock.systemUTC(),
            metrics);
    for (int i = 0; i < 3; i++) {
      ingestor.ingestPass();
    }
  }
}

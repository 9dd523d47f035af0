package io.upwatch.localworker.alert;

import static io.upwatch.localworker.support.Fixtures.noResponse;
import static io.upwatch.localworker.support.Fixtures.response;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.upwatch.common.CheckResult;
import io.upwatch.common.FailureKind;
import io.upwatch.localworker.support.Fixtures;
import io.upwatch.localworker.support.WorkerIntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A URL checked from three regions with a quorum of two, on the stored checks of the real database:
 * each region is held to the threshold in its own window, and an alert needs two of them in breach
 * at once. Threshold 2 and a 5-minute window: a region is in breach from its third failure in a
 * row.
 */
@WorkerIntegrationTest
class QuorumAlertIntegrationTests {

  @Autowired AlertEvaluator evaluator;
  @Autowired TransactionTemplate transaction;
  @Autowired Fixtures fixtures;
  @Autowired MeterRegistry meters;

  long url;
  Instant t0 = Instant.now().minusSeconds(7200).truncatedTo(ChronoUnit.MINUTES);

  @BeforeEach
  void reset() {
    fixtures.reset();
    url = fixtures.url("shop", 2, 60, Instant.now().plusSeconds(3600));
    fixtures.checkedFrom(url, List.of("eu", "us", "ap"), 2);
    fixtures.channel("hook", "WEBHOOK", "http://127.0.0.1:9/hook", "secret", true);
  }

  @Test
  void oneRegionFailingOpensNothing() {
    for (int minute = 0; minute < 6; minute++) {
      ingest(fail("eu", minute), ok("us", minute), ok("ap", minute));
    }

    assertThat(alerts()).isZero();
    assertThat(fixtures.count("SELECT count(*) FROM region_breaches WHERE region = 'eu'"))
        .as("eu is in breach on its own")
        .isEqualTo(1);
  }

  @Test
  void twoRegionsFailingOpenExactlyOneAlertNamingBothAndOneRecoveringResolvesIt() {
    for (int minute = 0; minute < 5; minute++) {
      ingest(fail("eu", minute), fail("us", minute), ok("ap", minute));
    }

    assertThat(alerts()).isEqualTo(1);
    assertThat(alertSays("regions = '{eu,us}' AND quorum = 2 AND trigger_slot = ?", slot(2)))
        .isTrue();
    assertThat(deliveries("alert.opened")).containsExactly("[\"eu\", \"us\"] 2 true");

    ingest(ok("eu", 5), fail("us", 5), ok("ap", 5));

    assertThat(fixtures.count("SELECT count(*) FROM alerts WHERE resolved_slot = ?", slot(5)))
        .isEqualTo(1);
    assertThat(deliveries("alert.resolved")).hasSize(1);
    assertThat(alerts()).isEqualTo(1);
  }

  @Test
  void secondRegionsFailuresArrivingLateOpenTheAlertLateAndNotifyOnce() {
    for (int minute = 0; minute < 6; minute++) {
      ingest(fail("eu", minute), ok("ap", minute));
    }
    assertThat(alerts()).isZero();

    // us's results come last, newest first, two at a time: the alert opens at minute 2 all the
    // same.
    for (int minute = 5; minute >= 0; minute -= 2) {
      ingest(fail("us", minute), fail("us", minute - 1));
    }

    assertThat(alerts()).isEqualTo(1);
    assertThat(alertSays("trigger_slot = ? AND resolved_at IS NULL", slot(2))).isTrue();
    assertThat(deliveries("alert.opened")).containsExactly("[\"eu\", \"us\"] 2 true");
  }

  @Test
  void regionThatFallsSilentLapsesAfterTheWindowAndNoLongerHoldsTheAlert() {
    for (int minute = 0; minute < 4; minute++) {
      ingest(fail("eu", minute), fail("us", minute), ok("ap", minute));
    }
    assertThat(alerts()).isEqualTo(1);

    // us's workers are gone; eu keeps failing. us last reported at minute 3: its breach counts
    // until minute 8, the window (300 s) after.
    for (int minute = 4; minute < 12; minute++) {
      ingest(fail("eu", minute), ok("ap", minute));
    }

    assertThat(fixtures.count("SELECT count(*) FROM alerts WHERE resolved_slot = ?", slot(8)))
        .isEqualTo(1);
    assertThat(alerts()).isEqualTo(1);
  }

  @Test
  void checksOfARegionTheUrlIsNotCheckedFromAreIgnoredAndCounted() {
    double before = meters.counter("upwatch.alert.checks.ignored").count();

    for (int minute = 0; minute < 5; minute++) {
      ingest(fail("eu", minute), fail("elsewhere", minute), ok("ap", minute));
    }

    assertThat(alerts()).isZero();
    assertThat(meters.counter("upwatch.alert.checks.ignored").count() - before).isEqualTo(5);
  }

  private void ingest(CheckResult... results) {
    fixtures.ingest(evaluator, transaction, results);
  }

  private CheckResult fail(String region, int minute) {
    return noResponse(url, t0.plusSeconds(60L * minute), FailureKind.CONNECT, region);
  }

  private CheckResult ok(String region, int minute) {
    return response(url, t0.plusSeconds(60L * minute), 200, region);
  }

  private Timestamp slot(int minute) {
    return Timestamp.from(t0.plusSeconds(60L * minute));
  }

  private long alerts() {
    return fixtures.count("SELECT count(*) FROM alerts");
  }

  private boolean alertSays(String condition, Object... params) {
    return fixtures.count("SELECT count(*) FROM alerts WHERE " + condition, params) == 1;
  }

  /**
   * Each delivery of the event: the alert's regions and quorum, and whether it was late (all are:
   * the slots lie two hours back).
   */
  private List<String> deliveries(String event) {
    return fixtures
        .jdbc()
        .sql(
            """
            SELECT (payload -> 'alert' -> 'regions')::text || ' ' || (payload -> 'alert' ->> 'quorum')
                   || ' ' || (payload ->> 'detectedLate')
            FROM notification_deliveries WHERE event = ?
            """)
        .param(event)
        .query(String.class)
        .list();
  }
}

package io.upwatch.localworker.alert;

import static io.upwatch.localworker.support.Fixtures.noResponse;
import static io.upwatch.localworker.support.Fixtures.response;
import static org.assertj.core.api.Assertions.assertThat;

import io.upwatch.common.CheckResult;
import io.upwatch.common.FailureKind;
import io.upwatch.localworker.support.Fixtures;
import io.upwatch.localworker.support.WorkerIntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The alert rule on stored results: more than threshold failures in the trailing window open one
 * alert, the first later success resolves it, and order, duplicates or concurrency change nothing.
 */
@WorkerIntegrationTest
class AlertIntegrationTests {

  @Autowired AlertEvaluator evaluator;
  @Autowired TransactionTemplate transaction;
  @Autowired JdbcClient jdbc;
  @Autowired Fixtures fixtures;

  long url;
  Instant t0 = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.MINUTES);

  @BeforeEach
  void reset() {
    fixtures.reset();
    url = fixtures.url("site", 2, 60, Instant.now().plusSeconds(3600));
  }

  @Test
  void alertOpensOnTheFailureThatExceedsTheThresholdAndOnlyOnce() {
    ingest(fail(0), fail(1));
    assertThat(alerts()).isZero();

    ingest(fail(2));
    assertThat(openAlerts()).isEqualTo(1);

    ingest(fail(3), fail(4));
    assertThat(alerts()).isEqualTo(1);
    assertThat(fixtures.count("SELECT failure_count FROM alerts WHERE url_id = ?", url))
        .isEqualTo(3);
  }

  @Test
  void firstLaterSuccessResolvesAndTheNextBreachOpensANewAlert() {
    ingest(fail(0), fail(1), fail(2));
    ingest(ok(3));
    assertThat(openAlerts()).isZero();
    assertThat(alerts()).isEqualTo(1);

    ingest(fail(4), fail(5));
    assertThat(openAlerts()).isZero();
    ingest(fail(6));

    assertThat(openAlerts()).isEqualTo(1);
    assertThat(alerts()).isEqualTo(2);
  }

  @Test
  void failuresOutsideTheWindowDoNotCount() {
    // Window is 5 minutes: failures at 0, 3 and 6 minutes are never more than two in it.
    ingest(fail(0), fail(3), fail(6), fail(9));

    assertThat(alerts()).isZero();
  }

  @Test
  void fiveHundredsCountAsFailuresAndFourHundredsAsSuccesses() {
    ingest(status(0, 503), status(1, 500), status(2, 599));
    assertThat(openAlerts()).isEqualTo(1);

    ingest(status(3, 404));
    assertThat(openAlerts()).isZero();
  }

  @Test
  void outOfOrderAndDuplicateResultsChangeNothing() {
    ingest(fail(1), fail(2), fail(3));
    ingest(ok(0));
    assertThat(openAlerts()).as("an older success does not resolve").isEqualTo(1);

    ingest(ok(4));
    ingest(fail(3), fail(2));
    assertThat(openAlerts()).as("a redelivered old failure does not reopen").isZero();
    assertThat(alerts()).isEqualTo(1);
  }

  @Test
  void breachLearnedAfterALaterSuccessStillOpensAndResolves() {
    ingest(fail(0), fail(1), ok(3));
    ingest(fail(2));

    assertThat(alerts()).isEqualTo(1);
    assertThat(openAlerts()).isZero();
    assertThat(
            fixtures.count(
                "SELECT count(*) FROM alerts WHERE trigger_slot = ? AND resolved_slot = ?"
                    + " AND failure_count = 3",
                java.sql.Timestamp.from(t0.plusSeconds(120)),
                java.sql.Timestamp.from(t0.plusSeconds(180))))
        .isEqualTo(1);
  }

  @Test
  void concurrentWorkersOpenExactlyOneAlert() throws Exception {
    List<Callable<Void>> workers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      int offset = w;
      workers.add(
          () -> {
            for (int i = 0; i < 6; i++) {
              ingest(fail(i * 4 % 24 / 4 + offset % 2));
            }
            return null;
          });
    }
    try (var pool = Executors.newFixedThreadPool(4)) {
      for (var done : pool.invokeAll(workers)) {
        done.get();
      }
    }

    assertThat(openAlerts()).isEqualTo(1);
    assertThat(alerts()).isEqualTo(1);
  }

  private void ingest(CheckResult... results) {
    fixtures.ingest(evaluator, transaction, results);
  }

  private CheckResult fail(int minute) {
    return noResponse(url, t0.plusSeconds(60L * minute), FailureKind.CONNECT);
  }

  private CheckResult ok(int minute) {
    return response(url, t0.plusSeconds(60L * minute), 200);
  }

  private CheckResult status(int minute, int status) {
    return response(url, t0.plusSeconds(60L * minute), status);
  }

  private long alerts() {
    return fixtures.count("SELECT count(*) FROM alerts");
  }

  private long openAlerts() {
    return fixtures.count("SELECT count(*) FROM alerts WHERE resolved_at IS NULL");
  }
}

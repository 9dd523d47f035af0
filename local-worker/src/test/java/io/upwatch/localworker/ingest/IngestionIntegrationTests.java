package io.upwatch.localworker.ingest;

import static io.upwatch.localworker.support.Fixtures.noResponse;
import static io.upwatch.localworker.support.Fixtures.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.upwatch.common.CheckResult;
import io.upwatch.common.FailureKind;
import io.upwatch.common.Streams;
import io.upwatch.common.TaskId;
import io.upwatch.common.queue.EntryRef;
import io.upwatch.common.queue.QueuePartitions;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

@WorkerIntegrationTest
class IngestionIntegrationTests {

  @Autowired ResultQueue stream;
  @Autowired QueuePartitions partitions;
  @Autowired CheckWriter writer;
  @Autowired AlertEvaluator alerts;
  @Autowired CertificateExpiryEvaluator certificates;
  @Autowired TransactionTemplate transaction;
  @Autowired WorkerProperties properties;
  @Autowired IngestMetrics metrics;
  @Autowired StringRedisTemplate redis;
  @Autowired Fixtures fixtures;
  @Autowired DataSource dataSource;

  long url;
  Instant slot = Instant.now().minusSeconds(300).truncatedTo(ChronoUnit.MINUTES);

  @BeforeEach
  void reset() {
    fixtures.reset();
    url = fixtures.url("site", 100, 60, Instant.now().plusSeconds(3600));
  }

  @Test
  void resultsAreStoredOnceAndAcknowledged() {
    for (int i = 0; i < 5; i++) {
      fixtures.publish(response(url, slot.plusSeconds(60L * i), 200));
    }

    drain(ingestor("a"));

    assertThat(fixtures.count("SELECT count(*) FROM checks")).isEqualTo(5);
    assertThat(pendingResults()).isZero();
  }

  @Test
  void duplicateAndOutOfOrderResultsKeepCountsExact() {
    fixtures.publish(response(url, slot.plusSeconds(120), 200));
    fixtures.publish(noResponse(url, slot, FailureKind.TIMEOUT));
    fixtures.publish(response(url, slot.plusSeconds(120), 200));
    fixtures.publish(response(url, slot.plusSeconds(60), 503));
    fixtures.publish(noResponse(url, slot, FailureKind.TIMEOUT));

    drain(ingestor("a"));

    assertThat(fixtures.count("SELECT count(*) FROM checks")).isEqualTo(3);
    assertThat(fixtures.count("SELECT count(*) FROM checks WHERE success")).isEqualTo(1);
    assertThat(fixtures.count("SELECT count(*) FROM checks WHERE failure_kind = 'TIMEOUT'"))
        .isEqualTo(1);
  }

  @Test
  void aBatchHoldingARowStoredBeforeStoresTheRestOnceAndReturnsOnlyTheNewOnes() {
    var first = response(url, slot, 200);
    var second = noResponse(url, slot.plusSeconds(60), FailureKind.TIMEOUT);
    var third = response(url, slot.plusSeconds(120), 200);
    transaction.executeWithoutResult(status -> writer.insert(List.of(second)));

    List<CheckResult> stored =
        transaction.execute(status -> writer.insert(List.of(third, second, first, third)));

    assertThat(stored).containsExactlyInAnyOrder(first, third);
    assertThat(fixtures.count("SELECT count(*) FROM checks")).isEqualTo(3);
    assertThat(fixtures.count("SELECT count(*) FROM checks WHERE failure_kind = 'TIMEOUT'"))
        .isEqualTo(1);
  }

  @Test
  void everyFieldIsStoredExactlyAsTheResultHadIt() {
    String message = "tab\there\nnext line\r\\N back\\slash 'single' \"double\" ünï € 🚀";
    var result =
        new CheckResult(
            new TaskId(url, slot),
            slot.plusMillis(1234),
            7,
            null,
            FailureKind.ASSERTION,
            message,
            "w1",
            "eu-west",
            slot.plus(Duration.ofDays(30)));

    transaction.executeWithoutResult(status -> writer.insert(List.of(result)));

    var row =
        fixtures
            .jdbc()
            .sql(
                "SELECT message, started_at, latency_ms, status_code, failure_kind, success, region,"
                    + " tls_expires_at FROM checks WHERE url_id = ? AND slot = ?")
            .params(url, java.sql.Timestamp.from(slot))
            .query()
            .singleRow();
    assertThat(row.get("message")).isEqualTo(message);
    assertThat(((java.sql.Timestamp) row.get("started_at")).toInstant())
        .isEqualTo(slot.plusMillis(1234));
    assertThat(row.get("latency_ms")).isEqualTo(7);
    assertThat(row.get("status_code")).isNull();
    assertThat(row.get("failure_kind")).isEqualTo("ASSERTION");
    assertThat(row.get("success")).isEqualTo(false);
    assertThat(row.get("region")).isEqualTo("eu-west");
    assertThat(((java.sql.Timestamp) row.get("tls_expires_at")).toInstant())
        .isEqualTo(slot.plus(Duration.ofDays(30)));
  }

  @Test
  void resultsWaitInRedisWhilePostgresIsDownAndAreStoredWhenItReturns() {
    fixtures.publish(response(url, slot, 200));
    fixtures.publish(response(url, slot.plusSeconds(60), 503));
    var unreachable =
        new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1");
    var down =
        new ResultIngestor(
            "a",
            stream,
            new CheckWriter(new JdbcTemplate(unreachable)),
            alerts,
            certificates,
            new TransactionTemplate(new DataSourceTransactionManager(unreachable)),
            properties,
            Clock.systemUTC(),
            metrics);

    assertThatThrownBy(down::ingestPass).isInstanceOf(RuntimeException.class);
    assertThatThrownBy(down::ingestPass).isInstanceOf(RuntimeException.class);
    assertThat(pendingResults()).isEqualTo(2);

    drain(ingestor("a"));

    assertThat(fixtures.count("SELECT count(*) FROM checks")).isEqualTo(2);
    assertThat(pendingResults()).isZero();
  }

  @Test
  void aBatchWhoseStoreFailedIsStoredByTheSameConsumersNextPass() {
    fixtures.publish(response(url, slot, 200));
    fixtures.publish(response(url, slot.plusSeconds(60), 503));
    var failures = new AtomicInteger();
    var flaky =
        new CheckWriter(new JdbcTemplate(dataSource)) {
          @Override
          List<CheckResult> insert(List<CheckResult> results) {
            if (failures.getAndDecrement() > 0) {
              throw new DataAccessResourceFailureException("down");
            }
            return super.insert(results);
          }
        };
    var same = ingestor("same", flaky);
    // A clean first pass: nothing of its own pending, so it reads only new entries from now on.
    same.ingestPass();
    fixtures.publish(response(url, slot.plusSeconds(120), 200));
    fixtures.publish(response(url, slot.plusSeconds(180), 200));
    failures.set(1);

    assertThatThrownBy(same::ingestPass).isInstanceOf(RuntimeException.class);
    assertThat(pendingResults()).isEqualTo(2);
    same.ingestPass();

    assertThat(fixtures.count("SELECT count(*) FROM checks")).isEqualTo(4);
    assertThat(pendingResults()).isZero();
  }

  @Test
  void resultsHeldByAStoppedWorkerAreTakenOverAndStoredOnce() throws Exception {
    fixtures.publish(response(url, slot, 200));
    fixtures.publish(response(url, slot.plusSeconds(60), 200));
    stream.ensureGroup();
    // A worker reads them, then dies without acknowledging.
    redis
        .opsForStream()
        .read(
            Consumer.from(Streams.INGESTION_GROUP, "dead"),
            StreamReadOptions.empty().count(10),
            StreamOffset.create(fixtures.resultStream(url), ReadOffset.lastConsumed()));
    var survivor = ingestor("survivor");
    survivor.ingestPass();
    assertThat(fixtures.count("SELECT count(*) FROM checks")).isZero();

    Thread.sleep(properties.reclaimIdle().plusMillis(200).toMillis());
    var later = ingestor("later");
    drain(later);

    assertThat(fixtures.count("SELECT count(*) FROM checks")).isEqualTo(2);
    assertThat(pendingResults()).isZero();
  }

  @Test
  void idleConsumersThatOwnNothingAreForgottenButNotThoseHoldingResults() throws Exception {
    fixtures.publish(response(url, slot, 200));
    fixtures.publish(response(url, slot.plusSeconds(60), 200));
    stream.ensureGroup();
    readAs("holder", 1);
    // A worker that stored its result and then stopped for good.
    stream.acknowledge(readAs("gone", 1));
    Thread.sleep(300);

    int forgotten = stream.forgetIdleConsumers("self", Duration.ofMillis(200));

    assertThat(forgotten).isEqualTo(1);
    assertThat(redis.opsForStream().consumers(fixtures.resultStream(url), Streams.INGESTION_GROUP))
        .extracting(info -> info.consumerName())
        .containsExactly("holder");
  }

  @Test
  void malformedResultIsDeadLetteredAndTheRestStored() {
    fixtures.publishRaw(Map.of("id", "garbage", "latencyMs", "x"));
    fixtures.publish(response(url, slot, 200));

    drain(ingestor("a"));

    assertThat(fixtures.count("SELECT count(*) FROM checks")).isEqualTo(1);
    assertThat(fixtures.resultDeadLetters()).hasSize(1);
    assertThat(pendingResults()).isZero();
  }

  @Test
  void unstorableResultsAreDeadLetteredWithTheirReasonAndTheRestStored() {
    Map<String, String> outOfRange = new java.util.HashMap<>(response(url, slot, 200).toFields());
    outOfRange.put("status", "70000");
    Map<String, String> longRegion =
        new java.util.HashMap<>(response(url, slot.plusSeconds(60), 200).toFields());
    longRegion.put("region", "r".repeat(100));
    fixtures.publishRaw(outOfRange);
    fixtures.publishRaw(longRegion);
    // Something only the database refuses: the batch fails whole, then is stored row by row.
    fixtures
        .jdbc()
        .sql("ALTER TABLE checks ADD CONSTRAINT refuse_4242 CHECK (latency_ms <> 4242)")
        .update();
    try {
      var refused = response(url, slot.plusSeconds(120), 200);
      fixtures.publish(
          new io.upwatch.common.CheckResult(
              refused.id(), refused.startedAt(), 4242, 200, null, "w1", "test"));
      for (int i = 3; i < 8; i++) {
        fixtures.publish(response(url, slot.plusSeconds(60L * i), 200));
      }

      drain(ingestor("a"));
    } finally {
      fixtures.jdbc().sql("ALTER TABLE checks DROP CONSTRAINT refuse_4242").update();
    }

    assertThat(fixtures.count("SELECT count(*) FROM checks")).isEqualTo(5);
    assertThat(pendingResults()).isZero();
    var reasons =
        fixtures.resultDeadLetters().stream()
            .map(fields -> fields.get("deadLetterReason"))
            .toList();
    assertThat(reasons).hasSize(3);
    assertThat(reasons).anyMatch(r -> r.contains("70000"));
    assertThat(reasons).anyMatch(r -> r.contains("region"));
    assertThat(reasons).anyMatch(r -> r.contains("refuse_4242"));
  }

  @Test
  void failureWhoseMessageHoldsNulIsStoredAndCountedNotDeadLettered() {
    // As a heartbeat's failure ping publishes a job's log that carries a NUL byte.
    Map<String, String> fields =
        new java.util.HashMap<>(noResponse(url, slot, FailureKind.REPORTED_FAILURE).toFields());
    fields.put("message", "pg_dump\u0000: disk full");
    fixtures.publishRaw(fields);

    drain(ingestor("a"));

    assertThat(fixtures.count("SELECT count(*) FROM checks WHERE NOT success")).isEqualTo(1);
    assertThat(fixtures.jdbc().sql("SELECT message FROM checks").query(String.class).single())
        .isEqualTo("pg_dump\uFFFD: disk full");
    assertThat(fixtures.resultDeadLetters()).isEmpty();
    assertThat(pendingResults()).isZero();
  }

  @Test
  void resultOutsideRetentionIsDiscardedWithoutBlockingTheBatch() {
    fixtures.publish(response(url, Instant.now().minus(Duration.ofDays(30)), 200));
    fixtures.publish(response(url, slot, 200));

    drain(ingestor("a"));

    assertThat(fixtures.count("SELECT count(*) FROM checks")).isEqualTo(1);
    assertThat(pendingResults()).isZero();
  }

  private List<EntryRef> readAs(String consumer, int count) {
    return redis
        .opsForStream()
        .read(
            Consumer.from(Streams.INGESTION_GROUP, consumer),
            StreamReadOptions.empty().count(count),
            StreamOffset.create(fixtures.resultStream(url), ReadOffset.lastConsumed()))
        .stream()
        .map(record -> new EntryRef(partitions.of(url), record.getId()))
        .toList();
  }

  @Test
  void outageWrittenToTheStreamInOneGoOpensAndResolvesItsAlert() {
    long strict = fixtures.url("strict", 2, 60, Instant.now().plusSeconds(3600));
    for (int i = 0; i < 3; i++) {
      fixtures.publish(noResponse(strict, slot.plusSeconds(60L * i), FailureKind.CONNECT));
    }
    fixtures.publish(response(strict, slot.plusSeconds(180), 200));

    drain(ingestor("a"));

    assertThat(alertHistory(strict))
        .containsExactly(slot.plusSeconds(120) + " 3 " + slot.plusSeconds(180));
  }

  @Test
  void successStoredBeforeTheOutageBehindItStillLetsTheOutageAlert() {
    long strict = fixtures.url("strict", 2, 60, Instant.now().plusSeconds(3600));
    fixtures.publish(response(strict, slot.plusSeconds(180), 200));
    drain(ingestor("a"));
    for (int i = 0; i < 3; i++) {
      fixtures.publish(noResponse(strict, slot.plusSeconds(60L * i), FailureKind.CONNECT));
    }

    drain(ingestor("b"));

    assertThat(alertHistory(strict))
        .containsExactly(slot.plusSeconds(120) + " 3 " + slot.plusSeconds(180));
    assertThat(fixtures.count("SELECT count(*) FROM alerts WHERE resolved_at IS NULL")).isZero();
  }

  private List<String> alertHistory(long urlId) {
    return fixtures
        .jdbc()
        .sql(
            "SELECT trigger_slot, failure_count, resolved_slot FROM alerts WHERE url_id = ?"
                + " ORDER BY trigger_slot")
        .param(urlId)
        .query(
            (rs, row) ->
                rs.getTimestamp(1).toInstant()
                    + " "
                    + rs.getInt(2)
                    + " "
                    + rs.getTimestamp(3).toInstant())
        .list();
  }

  private ResultIngestor ingestor(String consumer) {
    return ingestor(consumer, writer);
  }

  private ResultIngestor ingestor(String consumer, CheckWriter writer) {
    return new ResultIngestor(
        consumer,
        stream,
        writer,
        alerts,
        certificates,
        transaction,
        properties,
        Clock.systemUTC(),
        metrics);
  }

  private static void drain(ResultIngestor ingestor) {
    for (int i = 0; i < 5; i++) {
      ingestor.ingestPass();
    }
  }

  private long pendingResults() {
    return fixtures.pendingResults();
  }
}

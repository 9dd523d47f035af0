package io.upwatch.worker.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.upwatch.common.CheckResult;
import io.upwatch.worker.alert.AlertEvaluator;
import io.upwatch.worker.config.WorkerProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One ingestion consumer: reads a batch of results, stores them and evaluates alerts in one
 * transaction, and only then acknowledges them. If PostgreSQL is down the batch stays pending in
 * Redis and is retried, first thing, on the next pass: nothing accepted is lost.
 */
class ResultIngestor {

  private static final Logger log = LoggerFactory.getLogger(ResultIngestor.class);
  private static final Duration TAKE_OVER_EVERY = Duration.ofSeconds(5);

  private final String consumer;
  private final ResultStream stream;
  private final CheckWriter writer;
  private final AlertEvaluator alerts;
  private final TransactionTemplate transaction;
  private final WorkerProperties properties;
  private final Clock clock;
  private final IngestMetrics metrics;
  private Instant nextTakeOver = Instant.MIN;
  private boolean groupReady;

  ResultIngestor(
      String consumer,
      ResultStream stream,
      CheckWriter writer,
      AlertEvaluator alerts,
      TransactionTemplate transaction,
      WorkerProperties properties,
      Clock clock,
      IngestMetrics metrics) {
    this.consumer = consumer;
    this.stream = stream;
    this.writer = writer;
    this.alerts = alerts;
    this.transaction = transaction;
    this.properties = properties;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** Ingests one batch; true when the batch was full and more may be waiting. */
  boolean ingestPass() {
    if (!groupReady) {
      stream.ensureGroup();
      groupReady = true;
    }
    try {
      return ingestBatch();
    } catch (RedisSystemException e) {
      // The stream or group was deleted under us: create them again on the next pass.
      if (ResultStream.isError(e, "NOGROUP")) {
        groupReady = false;
      }
      throw e;
    }
  }

  private boolean ingestBatch() {
    takeOverStaleEntries();
    var records = stream.pending(consumer, properties.ingestBatch());
    if (records.isEmpty()) {
      records = stream.next(consumer, properties.ingestBatch(), properties.ingestBlock());
    }
    if (records.isEmpty()) {
      log.trace("No results");
      return false;
    }
    List<RecordId> ids = new ArrayList<>(records.size());
    List<CheckResult> results = decode(records, ids);
    long started = System.nanoTime();
    transaction.executeWithoutResult(
        status -> {
          List<CheckResult> stored = writer.insert(results);
          alerts.evaluate(stored);
          metrics.stored(stored.size(), results.size() - stored.size());
        });
    stream.acknowledge(ids);
    metrics.batch(records.size(), Duration.ofNanos(System.nanoTime() - started));
    return records.size() == properties.ingestBatch();
  }

  private List<CheckResult> decode(
      List<MapRecord<String, Object, Object>> records, List<RecordId> ids) {
    Instant oldest = clock.instant().minus(properties.checksRetention()).plus(Duration.ofHours(1));
    Instant newest = clock.instant().plus(Duration.ofDays(1));
    List<CheckResult> results = new ArrayList<>(records.size());
    for (var record : records) {
      ids.add(record.getId());
      CheckResult result;
      try {
        result = CheckResult.fromFields(fields(record));
      } catch (RuntimeException e) {
        log.warn("Dead-lettering malformed result {}: {}", record.getId(), e.getMessage());
        stream.deadLetter(record, e.getMessage());
        metrics.deadLettered();
        continue;
      }
      Instant slot = result.id().slot();
      if (slot.isBefore(oldest) || slot.isAfter(newest)) {
        // Its partition is gone or not yet made; keeping it would block the whole batch.
        log.debug("Discarding result {} with slot {} outside retention", result.id(), slot);
        metrics.discarded();
        continue;
      }
      metrics.scheduleLag(Duration.between(slot, result.startedAt()));
      results.add(result);
    }
    return results;
  }

  private void takeOverStaleEntries() {
    Instant now = clock.instant();
    if (now.isBefore(nextTakeOver)) {
      return;
    }
    nextTakeOver = now.plus(TAKE_OVER_EVERY);
    int taken = stream.takeOver(consumer, properties.reclaimIdle(), properties.ingestBatch());
    if (taken > 0) {
      log.info("Took over {} results from a stopped local worker", taken);
      metrics.takenOver(taken);
    }
    // Only after a take-over pass, so a stopped worker's entries have found a new owner.
    int forgotten = stream.forgetIdleConsumers(consumer, properties.reclaimIdle().multipliedBy(10));
    if (forgotten > 0) {
      log.debug("Forgot {} idle consumers of the result group", forgotten);
    }
  }

  private static Map<String, String> fields(MapRecord<String, Object, Object> record) {
    Map<String, String> fields = new HashMap<>();
    record.getValue().forEach((k, v) -> fields.put(String.valueOf(k), String.valueOf(v)));
    return fields;
  }

  /** The ingestion meters, shared by every consumer of this process. */
  static final class IngestMetrics {
    private final Counter stored;
    private final Counter duplicates;
    private final Counter discarded;
    private final Counter deadLettered;
    private final Counter takenOver;
    private final DistributionSummary batchSize;
    private final Timer batchTime;
    private final Timer scheduleLag;

    IngestMetrics(MeterRegistry registry) {
      stored = registry.counter("upwatch.ingest.results", "outcome", "stored");
      duplicates = registry.counter("upwatch.ingest.results", "outcome", "duplicate");
      discarded = registry.counter("upwatch.ingest.results", "outcome", "outside-retention");
      deadLettered = registry.counter("upwatch.ingest.results", "outcome", "dead-lettered");
      takenOver = registry.counter("upwatch.ingest.taken.over");
      batchSize = registry.summary("upwatch.ingest.batch.size");
      batchTime = registry.timer("upwatch.ingest.batch.time");
      scheduleLag =
          Timer.builder("upwatch.schedule.lag")
              .description("Check start minus its scheduled slot")
              .publishPercentileHistogram()
              .register(registry);
    }

    void stored(int fresh, int duplicate) {
      stored.increment(fresh);
      duplicates.increment(duplicate);
    }

    void discarded() {
      discarded.increment();
    }

    void deadLettered() {
      deadLettered.increment();
    }

    void takenOver(int count) {
      takenOver.increment(count);
    }

    void batch(int size, Duration time) {
      batchSize.record(size);
      batchTime.record(time);
    }

    void scheduleLag(Duration lag) {
      scheduleLag.record(lag.isNegative() ? Duration.ZERO : lag);
    }
  }
}

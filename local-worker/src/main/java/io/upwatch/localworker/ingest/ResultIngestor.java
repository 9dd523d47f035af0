package io.upwatch.localworker.ingest;

import io.upwatch.common.CheckResult;
import io.upwatch.common.queue.EntryRef;
import io.upwatch.common.queue.ReclaimCursor;
import io.upwatch.common.queue.Reclaimed;
import io.upwatch.common.queue.RedisError;
import io.upwatch.common.queue.ResultQueue;
import io.upwatch.common.queue.StreamEntry;
import io.upwatch.localworker.alert.AlertEvaluator;
import io.upwatch.localworker.alert.CertificateExpiryEvaluator;
import io.upwatch.localworker.config.WorkerProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One ingestion consumer: reads a batch of results, stores them and evaluates alerts in one
 * transaction, and only then acknowledges them. If PostgreSQL is down the batch stays pending in
 * Redis and is retried, first thing, on the next pass: nothing accepted is lost. An entry that can
 * never be stored (malformed, or refused by the table) goes to the dead-letter stream with its
 * reason while the rest of its batch is stored, so no entry can stall the consumer.
 */
class ResultIngestor {

  private static final Logger log = LoggerFactory.getLogger(ResultIngestor.class);
  private static final Duration TAKE_OVER_EVERY = Duration.ofSeconds(5);

  private final String consumer;
  private final ResultQueue queue;
  private final CheckWriter writer;
  private final AlertEvaluator alerts;
  private final CertificateExpiryEvaluator certificates;
  private final TransactionTemplate transaction;
  private final WorkerProperties properties;
  private final Clock clock;
  private final IngestMetrics metrics;
  private Instant nextTakeOver = Instant.MIN;
  private ReclaimCursor takeOverCursor = ReclaimCursor.START;
  private boolean groupReady;
  // Whether this consumer may own entries it has not acknowledged: on start (an earlier run under
  // this name), after a take-over, and from a read until its acknowledgement (a failed pass leaves
  // them). Otherwise there are none, and looking for them would cost a read of every partition.
  private boolean ownPendingMayExist = true;

  ResultIngestor(
      String consumer,
      ResultQueue queue,
      CheckWriter writer,
      AlertEvaluator alerts,
      CertificateExpiryEvaluator certificates,
      TransactionTemplate transaction,
      WorkerProperties properties,
      Clock clock,
      IngestMetrics metrics) {
    this.consumer = consumer;
    this.queue = queue;
    this.writer = writer;
    this.alerts = alerts;
    this.certificates = certificates;
    this.transaction = transaction;
    this.properties = properties;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** Ingests one batch; true when the batch was full and more may be waiting. */
  boolean ingestPass() {
    if (!groupReady) {
      queue.ensureGroup();
      groupReady = true;
    }
    try {
      return ingestBatch();
    } catch (RedisSystemException e) {
      // The stream or group was deleted under us: create them again on the next pass.
      if (RedisError.is(e, "NOGROUP")) {
        groupReady = false;
      }
      throw e;
    }
  }

  private boolean ingestBatch() {
    takeOverStaleEntries();
    List<StreamEntry> records =
        ownPendingMayExist ? queue.readPending(consumer, properties.ingestBatch()) : List.of();
    boolean fromPending = !records.isEmpty();
    if (!fromPending) {
      // Set first: a read whose reply is lost leaves its entries pending here all the same.
      ownPendingMayExist = true;
      records = queue.readNew(consumer, properties.ingestBatch(), properties.ingestBlock());
    }
    if (records.isEmpty()) {
      ownPendingMayExist = false;
      log.trace("No results");
      return false;
    }
    List<EntryRef> ids = records.stream().map(StreamEntry::ref).toList();
    List<Entry> entries = decode(records);
    long started = System.nanoTime();
    try {
      store(entries.stream().map(Entry::result).toList());
    } catch (DataIntegrityViolationException e) {
      // One value the table refuses fails the whole statement; rather than retry the same batch
      // forever, find the culprits by storing one by one.
      log.warn(
          "A batch of {} results was refused ({}); storing them one by one",
          entries.size(),
          firstLine(e));
      entries.forEach(this::storeOrDeadLetter);
    }
    queue.acknowledge(ids);
    // A batch of own pending entries may have more behind it; a batch of new ones leaves none.
    ownPendingMayExist = fromPending;
    metrics.batch(records.size(), Duration.ofNanos(System.nanoTime() - started));
    return records.size() == properties.ingestBatch();
  }

  private void store(List<CheckResult> results) {
    transaction.executeWithoutResult(
        status -> {
          List<CheckResult> stored = writer.insert(results);
          alerts.evaluate(stored);
          certificates.evaluate(stored);
          metrics.stored(stored.size(), results.size() - stored.size());
        });
  }

  private void storeOrDeadLetter(Entry entry) {
    try {
      store(List.of(entry.result()));
    } catch (DataIntegrityViolationException e) {
      String reason = "refused by the database: " + firstLine(e);
      log.warn("Dead-lettering unstorable result {}: {}", entry.record().id(), reason);
      queue.deadLetter(entry.record(), reason);
      metrics.deadLettered();
    }
  }

  private static String firstLine(DataIntegrityViolationException e) {
    String message = e.getMostSpecificCause().getMessage();
    return message == null ? e.toString() : message.lines().findFirst().orElse(message);
  }

  private List<Entry> decode(List<StreamEntry> records) {
    Instant oldest = clock.instant().minus(properties.checksRetention()).plus(Duration.ofHours(1));
    Instant newest = clock.instant().plus(Duration.ofDays(1));
    List<Entry> entries = new ArrayList<>(records.size());
    for (var record : records) {
      CheckResult result;
      try {
        result = CheckResult.fromFields(record.fields());
      } catch (RuntimeException e) {
        log.warn("Dead-lettering malformed result {}: {}", record.id(), e.getMessage());
        queue.deadLetter(record, e.getMessage());
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
      entries.add(new Entry(record, result));
    }
    return entries;
  }

  /** A stream entry and the result it carries. */
  private record Entry(StreamEntry record, CheckResult result) {}

  private void takeOverStaleEntries() {
    Instant now = clock.instant();
    if (now.isBefore(nextTakeOver)) {
      return;
    }
    nextTakeOver = now.plus(TAKE_OVER_EVERY);
    Reclaimed reclaimed =
        queue.reclaim(consumer, takeOverCursor, properties.ingestBatch(), properties.reclaimIdle());
    takeOverCursor = reclaimed.cursor();
    int taken = reclaimed.entries().size();
    if (taken > 0) {
      ownPendingMayExist = true;
      log.info("Took over {} results left pending past the lease", taken);
      metrics.takenOver(taken);
    }
    // Only after a take-over pass, so a stopped worker's entries have found a new owner.
    queue.forgetIdleConsumers(consumer, properties.reclaimIdle().multipliedBy(10));
  }
}

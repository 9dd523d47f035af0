package io.upwatch.worker.ingest;

import io.upwatch.common.Streams;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.RedisStreamCommands.XClaimOptions;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/** The local workers' side of the result stream: read, acknowledge, take over. */
@Component
class ResultStream {

  private final StringRedisTemplate redis;

  ResultStream(StringRedisTemplate redis) {
    this.redis = redis;
  }

  /** Creates the stream and the consumer group when missing. */
  void ensureGroup() {
    try {
      redis
          .opsForStream()
          .createGroup(Streams.RESULTS, ReadOffset.from("0"), Streams.INGESTION_GROUP);
    } catch (RedisSystemException e) {
      if (!isError(e, "BUSYGROUP")) {
        throw e;
      }
    }
  }

  /**
   * Entries delivered to this consumer but not yet acknowledged (after a failed pass or a take
   * over); they are retried before new ones are read.
   */
  List<MapRecord<String, Object, Object>> pending(String consumer, int count) {
    return read(consumer, StreamReadOptions.empty().count(count), ReadOffset.from("0"));
  }

  /** New entries, waiting up to {@code block} for the first. */
  List<MapRecord<String, Object, Object>> next(String consumer, int count, Duration block) {
    return read(
        consumer, StreamReadOptions.empty().count(count).block(block), ReadOffset.lastConsumed());
  }

  /**
   * Deletes the group's consumers that own nothing and were idle this long: consumer names are new
   * per process, so every restart would otherwise leave one behind for good.
   */
  int forgetIdleConsumers(String self, Duration idle) {
    int forgotten = 0;
    for (var info : redis.opsForStream().consumers(Streams.RESULTS, Streams.INGESTION_GROUP)) {
      if (!info.consumerName().equals(self)
          && info.pendingCount() == 0
          && info.idleTime().compareTo(idle) > 0) {
        redis
            .opsForStream()
            .deleteConsumer(
                Streams.RESULTS, Consumer.from(Streams.INGESTION_GROUP, info.consumerName()));
        forgotten++;
      }
    }
    return forgotten;
  }

  void acknowledge(List<RecordId> ids) {
    if (!ids.isEmpty()) {
      redis
          .opsForStream()
          .acknowledge(Streams.RESULTS, Streams.INGESTION_GROUP, ids.toArray(RecordId[]::new));
    }
  }

  /** Moves a malformed entry to the dead-letter stream. */
  void deadLetter(MapRecord<String, Object, Object> record, String reason) {
    Map<String, String> fields = new java.util.HashMap<>();
    record.getValue().forEach((k, v) -> fields.put(String.valueOf(k), String.valueOf(v)));
    fields.put("deadLetterReason", reason);
    fields.put("originalId", record.getId().getValue());
    redis.opsForStream().add(Streams.RESULT_DEAD_LETTERS, fields);
  }

  /**
   * Takes over entries another consumer has held for at least {@code minIdle} (it died or hangs).
   * XCLAIM re-checks the idle time, so two workers never both take the same entry.
   */
  int takeOver(String consumer, Duration minIdle, int count) {
    var pending =
        redis
            .opsForStream()
            .pending(Streams.RESULTS, Streams.INGESTION_GROUP, Range.unbounded(), count);
    RecordId[] stale =
        pending.stream()
            .filter(p -> !p.getConsumerName().equals(consumer))
            .filter(p -> p.getElapsedTimeSinceLastDelivery().compareTo(minIdle) >= 0)
            .map(PendingMessage::getId)
            .toArray(RecordId[]::new);
    if (stale.length == 0) {
      return 0;
    }
    return redis
        .opsForStream()
        .claim(
            Streams.RESULTS,
            Streams.INGESTION_GROUP,
            consumer,
            XClaimOptions.minIdle(minIdle).ids(stale))
        .size();
  }

  /** Whether a Redis error reply, anywhere in the cause chain, starts with the given code. */
  static boolean isError(Throwable failure, String code) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().startsWith(code)) {
        return true;
      }
    }
    return false;
  }

  private List<MapRecord<String, Object, Object>> read(
      String consumer, StreamReadOptions options, ReadOffset offset) {
    var records =
        redis
            .opsForStream()
            .read(
                Consumer.from(Streams.INGESTION_GROUP, consumer),
                options,
                StreamOffset.create(Streams.RESULTS, offset));
    return records == null ? List.of() : records;
  }
}

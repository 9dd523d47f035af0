package io.upwatch.common.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.StreamOperations;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * One Redis stream read by one consumer group, both ends: publishing (capped with an approximate
 * MAXLEN), reading new and one's own pending entries, acknowledging, reclaiming entries idle
 * consumers left pending, dead-lettering, and forgetting idle consumers. {@link TaskQueue} and
 * {@link ResultQueue} are its typed fronts.
 */
public class StreamQueue {

  /** A cap that means "no cap": a process that never adds to a stream does not know its cap. */
  public static final long UNCAPPED = 0;

  private static final Logger log = LoggerFactory.getLogger(StreamQueue.class);

  private final StreamOperations<String, Object, Object> streams;
  private final String stream;
  private final String group;
  private final Appender appender;
  private final Appender deadLetterAppender;
  private final CapWatch capWatch;
  private final AutoClaim autoClaim;

  StreamQueue(
      StringRedisTemplate redis,
      String stream,
      String group,
      String deadLetters,
      long maxLength,
      long deadLettersMaxLength) {
    this.streams = redis.opsForStream();
    this.stream = stream;
    this.group = group;
    this.appender = new Appender(redis, stream, maxLength);
    this.deadLetterAppender = new Appender(redis, deadLetters, deadLettersMaxLength);
    this.capWatch = new CapWatch(stream, group, maxLength);
    this.autoClaim = new AutoClaim(redis, stream, group);
  }

  /**
   * Creates the consumer group, reading from the first entry, and the stream with it if missing.
   */
  public void ensureGroup() {
    try {
      streams.createGroup(stream, ReadOffset.from(Reclaimed.START), group);
      log.info("Created consumer group {} on {}", group, stream);
    } catch (RuntimeException e) {
      if (!RedisError.is(e, "BUSYGROUP")) {
        throw e;
      }
    }
  }

  /** Adds every entry in one pipelined round trip, or throws: then none may be assumed added. */
  protected void add(List<Map<String, String>> entries) {
    appender.add(entries);
  }

  /**
   * Adds one entry on the shared connection. Cheaper than {@link #add(List)} for a single entry: a
   * pipeline takes a dedicated connection of its own.
   */
  protected void add(Map<String, String> entry) {
    appender.add(entry);
  }

  /** Entries in the stream, read or not. */
  public long length() {
    Long size = streams.size(stream);
    return size == null ? 0 : size;
  }

  /**
   * When the oldest entry the group has not finished with was added, by Redis' clock: the oldest
   * entry delivered and not acknowledged, or else the first not yet delivered. Empty when the group
   * has acknowledged every entry added so far.
   *
   * @throws IllegalStateException when the group does not exist (yet)
   */
  public Optional<Instant> oldestUnfinished() {
    var info =
        streams.groups(stream).stream()
            .filter(g -> group.equals(g.groupName()))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("No group " + group + " on " + stream));
    if (info.pendingCount() > 0) {
      var pending = streams.pending(stream, group);
      String oldest = pending.minMessageId();
      if (oldest != null) {
        return Optional.of(timeOf(RecordId.of(oldest)));
      }
    }
    // The entry after the last delivered one, if any: XRANGE from it, inclusive, takes two.
    String lastDelivered = info.lastDeliveredId();
    var next =
        streams.range(
            stream,
            Range.rightUnbounded(Range.Bound.inclusive(lastDelivered)),
            Limit.limit().count(2));
    return next.stream()
        .map(MapRecord::getId)
        .filter(id -> !id.getValue().equals(lastDelivered))
        .findFirst()
        .map(StreamQueue::timeOf);
  }

  private static Instant timeOf(RecordId id) {
    return Instant.ofEpochMilli(id.getTimestamp());
  }

  /** Whether the stream is at its cap, dropping unread entries; warns once a minute if so. */
  public boolean atCap() {
    return capWatch.reached(length());
  }

  /** Up to {@code count} entries never delivered before, waiting at most {@code block} for one. */
  public List<StreamEntry> readNew(String consumer, int count, Duration block) {
    return read(
        consumer, StreamReadOptions.empty().count(count).block(block), ReadOffset.lastConsumed());
  }

  /** Entries delivered to {@code consumer} and not yet acknowledged, oldest first. */
  public List<StreamEntry> readPending(String consumer, int count) {
    return read(consumer, StreamReadOptions.empty().count(count), ReadOffset.from(Reclaimed.START));
  }

  public void acknowledge(List<RecordId> ids) {
    if (!ids.isEmpty()) {
      streams.acknowledge(stream, group, ids.toArray(RecordId[]::new));
    }
  }

  /**
   * Takes over up to {@code count} entries pending for at least {@code minIdle} on any consumer of
   * the group (it died or hangs), scanning from {@code cursor}.
   */
  public Reclaimed reclaim(String consumer, String cursor, int count, Duration minIdle) {
    return autoClaim.claim(consumer, cursor, count, minIdle);
  }

  /**
   * Copies the entry to the dead-letter stream with its fields, {@code deadLetterReason} and {@code
   * originalId}, then acknowledges it so that it is not delivered again.
   */
  public void deadLetter(StreamEntry entry, String reason) {
    Map<String, String> fields = new LinkedHashMap<>(entry.fields());
    fields.put("deadLetterReason", reason);
    fields.put("originalId", entry.id().getValue());
    deadLetterAppender.add(fields);
    acknowledge(List.of(entry.id()));
  }

  /**
   * Deletes the group's consumers other than {@code self} that own nothing and were idle this long:
   * consumer names are new per process, so every restart would otherwise leave one behind for good.
   */
  public int forgetIdleConsumers(String self, Duration idle) {
    int forgotten = 0;
    for (var info : streams.consumers(stream, group)) {
      if (!info.consumerName().equals(self)
          && info.pendingCount() == 0
          && info.idleTime().compareTo(idle) > 0) {
        streams.deleteConsumer(stream, Consumer.from(group, info.consumerName()));
        log.debug("Forgot idle consumer {} of {}", info.consumerName(), group);
        forgotten++;
      }
    }
    return forgotten;
  }

  private List<StreamEntry> read(String consumer, StreamReadOptions options, ReadOffset offset) {
    List<MapRecord<String, Object, Object>> records =
        streams.read(Consumer.from(group, consumer), options, StreamOffset.create(stream, offset));
    return records == null ? List.of() : records.stream().map(StreamEntry::of).toList();
  }
}

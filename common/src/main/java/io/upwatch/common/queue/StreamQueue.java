package io.upwatch.common.queue;

import io.lettuce.core.RedisFuture;
import io.upwatch.common.Streams;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.core.StreamOperations;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * One partitioned Redis stream read by one consumer group, both ends: publishing to each entry's
 * partition (capped with an approximate MAXLEN), reading new and one's own pending entries from
 * every partition, acknowledging, reclaiming entries idle consumers left pending, dead-lettering,
 * and forgetting idle consumers. Every command touches one partition's keys only, so the queue runs
 * unchanged on a single Redis and on a Redis Cluster. {@link TaskQueue} and {@link ResultQueue} are
 * its typed fronts.
 */
public class StreamQueue {

  /** A cap that means "no cap": a process that never adds to a stream does not know its cap. */
  public static final long UNCAPPED = 0;

  /**
   * Longest pause between two looks over the partitions while all are empty: an entry published to
   * an idle queue waits at most this long (about half on average) for a reader in {@link #readNew}.
   */
  public static final Duration MAX_POLL_PAUSE = PartitionReads.MAX_PAUSE;

  private static final Logger log = LoggerFactory.getLogger(StreamQueue.class);

  private final StreamOperations<String, Object, Object> streams;
  private final AsyncBatch batch;
  private final IntFunction<String> stream;
  private final int partitions;
  private final String group;
  private final String name;
  private final Appender appender;
  private final Appender deadLetterAppender;
  private final CapWatch capWatch;
  private final Doorbell doorbell;
  private final PartitionReads reads;
  private final AutoClaim autoClaim;
  private final OldestUnfinished oldestUnfinished;
  private final IdleConsumers idleConsumers;

  /**
   * @param stream the key of each partition's stream
   * @param deadLetters the key of each partition's dead-letter stream
   * @param maxLength approximate cap of all partitions together, or {@link #UNCAPPED}
   * @param deadLettersMaxLength the same for the dead letters
   * @param doorbell the key of the {@link Doorbell} its publishers ring, or null if they do not
   */
  StreamQueue(
      StringRedisTemplate redis,
      QueuePartitions partitions,
      IntFunction<String> stream,
      IntFunction<String> deadLetters,
      String group,
      long maxLength,
      long deadLettersMaxLength,
      String doorbell) {
    this.streams = redis.opsForStream();
    this.batch = new AsyncBatch(redis);
    this.stream = stream;
    this.partitions = partitions.partitions();
    this.group = group;
    this.name = Streams.logicalName(stream.apply(0));
    this.appender = new Appender(batch, stream, partitionCap(maxLength));
    this.deadLetterAppender = new Appender(batch, deadLetters, partitionCap(deadLettersMaxLength));
    this.capWatch = new CapWatch(name, group, partitionCap(maxLength));
    this.doorbell = doorbell == null ? null : new Doorbell(batch, doorbell);
    this.reads = new PartitionReads(batch, stream, this.partitions, group, this.doorbell);
    this.autoClaim = new AutoClaim(batch, stream, this.partitions, group);
    this.oldestUnfinished = new OldestUnfinished(batch, stream, this.partitions, group);
    this.idleConsumers = new IdleConsumers(streams, stream, this.partitions, group);
  }

  // The cap spread over the partitions: a fixed hash spreads entries evenly.
  long partitionCap(long maxLength) {
    return maxLength == UNCAPPED ? UNCAPPED : Math.ceilDiv(maxLength, partitions);
  }

  /** The stream's name in logs and metrics: its key without the partition. */
  public String name() {
    return name;
  }

  /** The number of partitions. */
  public int partitions() {
    return partitions;
  }

  /** The key of one partition's stream. */
  public String key(int partition) {
    return stream.apply(partition);
  }

  /** The stream's consumer group. */
  public String group() {
    return group;
  }

  AsyncBatch batch() {
    return batch;
  }

  /**
   * Creates the consumer group on every partition, reading from the first entry, and the streams
   * with it where missing.
   */
  public void ensureGroup() {
    int created = 0;
    for (int partition = 0; partition < partitions; partition++) {
      try {
        streams.createGroup(key(partition), ReadOffset.from(ReclaimCursor.FIRST_ID), group);
        created++;
      } catch (RuntimeException e) {
        if (!RedisError.is(e, "BUSYGROUP")) {
          throw e;
        }
      }
    }
    if (created > 0) {
      log.info("Created consumer group {} on {} partitions of {}", group, created, name);
    }
  }

  /**
   * Adds every entry, all in flight at once, or throws: then none may be assumed added. Then {@link
   * #ring rings}.
   */
  void add(List<Appender.Addition> additions) {
    appender.add(additions);
    ring(additions.size());
  }

  /**
   * Rings the doorbell, if there is one, after {@code added} entries were added; should that fail,
   * readers find them on their next unprompted look instead (within {@link
   * PartitionReads#UNRUNG_LOOK_EVERY}).
   */
  void ring(int added) {
    if (doorbell == null || added == 0) {
      return;
    }
    try {
      doorbell.ring();
    } catch (RuntimeException e) {
      log.debug("Added {} entries to {} but could not ring its doorbell", added, name, e);
    }
  }

  /** Entries in the stream, read or not, over all partitions. */
  public long length() {
    return partitionLengths().stream().mapToLong(Long::longValue).sum();
  }

  private List<Long> partitionLengths() {
    return batch.run(
        commands -> {
          List<RedisFuture<Long>> lengths = new ArrayList<>(partitions);
          for (int partition = 0; partition < partitions; partition++) {
            lengths.add(commands.xlen(AsyncBatch.utf8(key(partition))));
          }
          return lengths;
        });
  }

  /**
   * When the oldest entry the group has not finished with was added, by Redis' clock, over all
   * partitions: the oldest entry delivered and not acknowledged, or else the first not yet
   * delivered. Empty when the group has acknowledged every entry added so far.
   *
   * @throws org.springframework.dao.DataAccessException when the group does not exist (yet)
   */
  public Optional<Instant> oldestUnfinished() {
    return oldestUnfinished.find();
  }

  /** Whether any partition is at its cap, dropping unread entries; warns once a minute if so. */
  public boolean atCap() {
    return capWatch.reached(partitionLengths());
  }

  /**
   * Up to {@code count} entries never delivered before, from every partition. While all are empty
   * it looks again (after 5 ms, doubling up to {@link #MAX_POLL_PAUSE}) until {@code block} has
   * passed: no connection is held blocked, whatever the number of partitions. Where publishers ring
   * a doorbell, a look while nothing was rung is one GET, not a read of every partition.
   */
  public List<StreamEntry> readNew(String consumer, int count, Duration block) {
    return reads.poll(consumer, count, block);
  }

  /** Entries delivered to {@code consumer} and not yet acknowledged, oldest first per partition. */
  public List<StreamEntry> readPending(String consumer, int count) {
    return reads.read(consumer, count, PartitionReads.From.OWN_PENDING);
  }

  /** Acknowledges the entries, one XACK per partition, all in flight at once. */
  public void acknowledge(List<EntryRef> entries) {
    if (entries.isEmpty()) {
      return;
    }
    Map<Integer, List<String>> byPartition = new TreeMap<>();
    for (EntryRef entry : entries) {
      byPartition
          .computeIfAbsent(entry.partition(), p -> new ArrayList<>())
          .add(entry.id().getValue());
    }
    byte[] groupName = AsyncBatch.utf8(group);
    batch.run(
        commands -> {
          List<RedisFuture<Long>> acks = new ArrayList<>(byPartition.size());
          byPartition.forEach(
              (partition, ids) ->
                  acks.add(
                      commands.xack(
                          AsyncBatch.utf8(key(partition)), groupName, ids.toArray(String[]::new))));
          return acks;
        });
  }

  /**
   * Takes over up to {@code count} entries pending for at least {@code minIdle} on any consumer of
   * the group (it died or hangs), scanning from {@code cursor}.
   */
  public Reclaimed reclaim(String consumer, ReclaimCursor cursor, int count, Duration minIdle) {
    return autoClaim.claim(consumer, cursor, count, minIdle);
  }

  /**
   * Copies the entry to its partition's dead-letter stream with its fields, {@code
   * deadLetterReason} and {@code originalId}, then acknowledges it so that it is not delivered
   * again.
   */
  public void deadLetter(StreamEntry entry, String reason) {
    Map<String, String> fields = new LinkedHashMap<>(entry.fields());
    fields.put("deadLetterReason", reason);
    fields.put("originalId", entry.id().getValue());
    deadLetterAppender.add(List.of(new Appender.Addition(entry.partition(), fields)));
    acknowledge(List.of(entry.ref()));
  }

  /**
   * Deletes the group's consumers other than {@code self} that own nothing in any partition and
   * were idle this long in every one (see {@link IdleConsumers}); returns how many.
   */
  public int forgetIdleConsumers(String self, Duration idle) {
    return idleConsumers.forget(self, idle);
  }
}

package io.upwatch.common.queue;

import io.lettuce.core.Consumer;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.springframework.data.redis.connection.stream.RecordId;

/**
 * XREADGROUP over the partitions of one stream without blocking, never returning more than asked.
 * The count is shared out over the partitions (starting at a partition that moves on every call, so
 * none is favoured), all reads of a round in flight at once; partitions that filled their share may
 * hold more and share what is still wanted in the next round. The first round asks only as many
 * partitions as give each a share of {@link #FIRST_SHARE}: a busy worker reading a few entries at a
 * time then pays one command for many entries, not one for each. A read comes back with nothing
 * only when every partition had nothing; for a count of at least one entry per partition, an idle
 * queue costs two rounds (one round from a share of {@code FIRST_SHARE} per partition on).
 *
 * <p>With a {@link Doorbell}, a reader waiting for new entries asks the bell between looks and
 * looks again only when it has rung since the last look that found nothing, or after {@link
 * #UNRUNG_LOOK_EVERY} without a look: an idle worker then costs Redis one GET per pause instead of
 * a command per partition.
 */
final class PartitionReads {

  /** Entries never delivered to the group, or the consumer's own pending ones. */
  enum From {
    NEW,
    OWN_PENDING
  }

  /** Longest pause between two looks over the partitions while all are empty. */
  static final Duration MAX_PAUSE = Duration.ofMillis(100);

  /** Entries the first round asks of each partition it reads, at least. */
  static final int FIRST_SHARE = 16;

  /** Longest time without a look over the partitions, rung or not. */
  static final Duration UNRUNG_LOOK_EVERY = Duration.ofSeconds(1);

  private static final Duration FIRST_PAUSE = Duration.ofMillis(5);

  /**
   * The bell's token read before a look that found nothing, and when that look was: no entry rung
   * at or before it is left unread. Once true this stays true (entries are added before their
   * ring), so readers on other threads may replace it in any order: a stale one costs one look.
   */
  private record Covered(String ring, long lookedAtNanos) {}

  private final AsyncBatch batch;
  private final IntFunction<String> stream;
  private final int partitions;
  private final byte[] group;
  private final AtomicInteger rotation = new AtomicInteger();
  private final Doorbell doorbell;
  private volatile Covered covered;

  /**
   * @param doorbell rung by the stream's publishers, or null where they do not ring (every wait
   *     then looks over the partitions)
   */
  PartitionReads(
      AsyncBatch batch,
      IntFunction<String> stream,
      int partitions,
      String group,
      Doorbell doorbell) {
    this.batch = batch;
    this.stream = stream;
    this.partitions = partitions;
    this.group = AsyncBatch.utf8(group);
    this.doorbell = doorbell;
  }

  /**
   * New entries; while all partitions are empty, looks again after 5 ms, doubling up to {@link
   * #MAX_PAUSE}, until {@code block} has passed. An interrupt ends the wait with nothing.
   */
  List<StreamEntry> poll(String consumer, int count, Duration block) {
    long deadline = System.nanoTime() + block.toNanos();
    long pause = FIRST_PAUSE.toNanos();
    while (true) {
      List<StreamEntry> read = lookIfRung(consumer, count);
      long left = deadline - System.nanoTime();
      if (!read.isEmpty() || left <= 0) {
        return read;
      }
      try {
        Thread.sleep(Duration.ofNanos(Math.min(pause, left)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return List.of();
      }
      pause = Math.min(2 * pause, MAX_PAUSE.toNanos());
    }
  }

  /** New entries, looking over the partitions only when the bell says there may be some. */
  private List<StreamEntry> lookIfRung(String consumer, int count) {
    if (doorbell == null || count <= 0) {
      return read(consumer, count, From.NEW);
    }
    String ring = doorbell.read();
    long now = System.nanoTime();
    Covered last = covered;
    if (last != null
        && Objects.equals(ring, last.ring())
        && now - last.lookedAtNanos() < UNRUNG_LOOK_EVERY.toNanos()) {
      return List.of();
    }
    List<StreamEntry> read = read(consumer, count, From.NEW);
    if (read.isEmpty()) {
      covered = new Covered(ring, now);
    }
    return read;
  }

  List<StreamEntry> read(String consumer, int count, From from) {
    if (count <= 0) {
      return List.of();
    }
    Deque<Integer> unvisited = new ArrayDeque<>(partitions);
    int start = Math.floorMod(rotation.getAndIncrement(), partitions);
    for (int i = 0; i < partitions; i++) {
      unvisited.add((start + i) % partitions);
    }
    Deque<Integer> mayHoldMore = new ArrayDeque<>();
    // Own pending entries are re-read by id: a second round goes on after the last one read.
    String[] after = new String[partitions];
    List<StreamEntry> read = new ArrayList<>();
    boolean first = true;
    while (read.size() < count && !(unvisited.isEmpty() && mayHoldMore.isEmpty())) {
      Deque<Integer> candidates = unvisited.isEmpty() ? mayHoldMore : unvisited;
      int wanted = count - read.size();
      int width = first ? Math.ceilDiv(wanted, FIRST_SHARE) : wanted;
      first = false;
      List<Integer> targets = new ArrayList<>();
      while (targets.size() < width && !candidates.isEmpty()) {
        targets.add(candidates.poll());
      }
      int[] shares = new int[targets.size()];
      for (int i = 0; i < shares.length; i++) {
        shares[i] = wanted / shares.length + (i < wanted % shares.length ? 1 : 0);
      }
      List<List<StreamMessage<byte[], byte[]>>> replies =
          round(consumer, targets, shares, from, after);
      for (int i = 0; i < targets.size(); i++) {
        List<StreamMessage<byte[], byte[]>> messages = replies.get(i);
        int partition = targets.get(i);
        for (var message : messages) {
          read.add(
              new StreamEntry(
                  new EntryRef(partition, RecordId.of(message.getId())),
                  StreamEntry.fieldsOf(message.getBody()),
                  1));
        }
        if (!messages.isEmpty()) {
          after[partition] = messages.getLast().getId();
        }
        if (messages.size() == shares[i]) {
          mayHoldMore.add(partition);
        }
      }
    }
    return read;
  }

  private List<List<StreamMessage<byte[], byte[]>>> round(
      String consumer, List<Integer> targets, int[] shares, From from, String[] after) {
    Consumer<byte[]> reader = Consumer.from(group, AsyncBatch.utf8(consumer));
    return batch.run(
        commands -> {
          List<RedisFuture<List<StreamMessage<byte[], byte[]>>>> replies = new ArrayList<>();
          for (int i = 0; i < targets.size(); i++) {
            int partition = targets.get(i);
            byte[] key = AsyncBatch.utf8(stream.apply(partition));
            XReadArgs.StreamOffset<byte[]> offset =
                from == From.NEW
                    ? XReadArgs.StreamOffset.lastConsumed(key)
                    : XReadArgs.StreamOffset.from(
                        key, after[partition] == null ? ReclaimCursor.FIRST_ID : after[partition]);
            replies.add(commands.xreadgroup(reader, XReadArgs.Builder.count(shares[i]), offset));
          }
          return replies;
        });
  }
}

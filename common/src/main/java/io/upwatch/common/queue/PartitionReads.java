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

  private static final Duration FIRST_PAUSE = Duration.ofMillis(5);

  private final AsyncBatch batch;
  private final IntFunction<String> stream;
  private final int partitions;
  private final byte[] group;
  private final AtomicInteger rotation = new AtomicInteger();

  PartitionReads(AsyncBatch batch, IntFunction<String> stream, int partitions, String group) {
    this.batch = batch;
    this.stream = stream;
    this.partitions = partitions;
    this.group = AsyncBatch.utf8(group);
  }

  /**
   * New entries; while all partitions are empty, looks again after 5 ms, doubling up to {@link
   * #MAX_PAUSE}, until {@code block} has passed. An interrupt ends the wait with nothing.
   */
  List<StreamEntry> poll(String consumer, int count, Duration block) {
    long deadline = System.nanoTime() + block.toNanos();
    long pause = FIRST_PAUSE.toNanos();
    while (true) {
      List<StreamEntry> read = read(consumer, count, From.NEW);
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

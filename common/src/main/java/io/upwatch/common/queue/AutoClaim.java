package io.upwatch.common.queue;

import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.models.stream.ClaimedMessages;
import io.lettuce.core.models.stream.PendingMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.springframework.data.redis.connection.stream.RecordId;

/**
 * XAUTOCLAIM, which Spring Data Redis does not offer, through the Lettuce connection underneath it,
 * partition after partition; then XPENDING over the claimed ids for their delivery counts.
 * XAUTOCLAIM re-checks the idle time as it claims, so two consumers never both take the same entry.
 */
final class AutoClaim {

  // Our own pending entries between the first and last claimed id are the claimed ones plus the
  // ones we hold anyway (checks in flight, a batch being stored); past this the count defaults.
  private static final int OWN_PENDING_BOUND = 1_000;

  private final AsyncBatch batch;
  private final IntFunction<String> stream;
  private final int partitions;
  private final byte[] group;

  AutoClaim(AsyncBatch batch, IntFunction<String> stream, int partitions, String group) {
    this.batch = batch;
    this.stream = stream;
    this.partitions = partitions;
    this.group = AsyncBatch.utf8(group);
  }

  /**
   * Claims up to {@code count} entries idle at least {@code minIdle}, from {@code cursor} on: the
   * rest of its partition, then the next ones, until the count is reached or the last partition's
   * scan is done.
   */
  Reclaimed claim(String consumer, ReclaimCursor cursor, int count, Duration minIdle) {
    List<StreamEntry> entries = new ArrayList<>();
    ReclaimCursor at =
        cursor.partition() < partitions ? cursor : ReclaimCursor.START; // fewer partitions now
    while (entries.size() < count) {
      ClaimedMessages<byte[], byte[]> claimed =
          claimIn(at, consumer, count - entries.size(), minIdle);
      entries.addAll(entries(at.partition(), consumer, claimed.getMessages()));
      if (!ReclaimCursor.FIRST_ID.equals(claimed.getId())) {
        return new Reclaimed(new ReclaimCursor(at.partition(), claimed.getId()), entries);
      }
      if (at.partition() + 1 == partitions) {
        return new Reclaimed(ReclaimCursor.START, entries);
      }
      at = ReclaimCursor.startOf(at.partition() + 1);
    }
    return new Reclaimed(at, entries);
  }

  private ClaimedMessages<byte[], byte[]> claimIn(
      ReclaimCursor at, String consumer, int count, Duration minIdle) {
    XAutoClaimArgs<byte[]> args =
        XAutoClaimArgs.Builder.xautoclaim(
                Consumer.from(group, AsyncBatch.utf8(consumer)), minIdle, at.id())
            .count(count);
    return batch.one(commands -> commands.xautoclaim(key(at.partition()), args));
  }

  private List<StreamEntry> entries(
      int partition, String consumer, List<StreamMessage<byte[], byte[]>> messages) {
    if (messages.isEmpty()) {
      return List.of();
    }
    Map<String, Long> deliveries = deliveries(partition, consumer, messages);
    return messages.stream()
        .map(
            m ->
                new StreamEntry(
                    new EntryRef(partition, RecordId.of(m.getId())),
                    StreamEntry.fieldsOf(m.getBody()),
                    deliveries.getOrDefault(m.getId(), 1L)))
        .toList();
  }

  private Map<String, Long> deliveries(
      int partition, String consumer, List<StreamMessage<byte[], byte[]>> messages) {
    Range<String> ids = Range.create(messages.getFirst().getId(), messages.getLast().getId());
    List<PendingMessage> pending =
        batch.one(
            commands ->
                commands.xpending(
                    key(partition),
                    Consumer.from(group, AsyncBatch.utf8(consumer)),
                    ids,
                    Limit.from(messages.size() + OWN_PENDING_BOUND)));
    return pending.stream()
        .collect(
            Collectors.toMap(
                PendingMessage::getId, PendingMessage::getRedeliveryCount, (a, b) -> a));
  }

  private byte[] key(int partition) {
    return AsyncBatch.utf8(stream.apply(partition));
  }
}

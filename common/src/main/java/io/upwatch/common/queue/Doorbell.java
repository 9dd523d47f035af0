package io.upwatch.common.queue;

import java.nio.charset.StandardCharsets;

/**
 * A counter beside a partitioned stream that publishers increment once they have added entries, so
 * that an idle reader asks one key (GET) instead of every partition (an XREADGROUP each) whether
 * there is anything new. The reader's rule ({@link PartitionReads#poll}): a look over the
 * partitions that starts after reading the counter and finds nothing means that everything added
 * before that value was rung has been read; while the counter keeps that value there is nothing new
 * to look for. The count is a hint, not the data: a publisher whose ring is lost (a failure between
 * adding and ringing, an older version that does not ring) delays its entries until the reader's
 * next unprompted look, never loses them.
 */
final class Doorbell {

  private final AsyncBatch batch;
  private final byte[] key;

  Doorbell(AsyncBatch batch, String key) {
    this.batch = batch;
    this.key = AsyncBatch.utf8(key);
  }

  /** Rings: call only after the entries are added (their replies received). */
  void ring() {
    batch.one(commands -> commands.incr(key));
  }

  /** The count now; null when it was never rung (or Redis lost it). */
  String read() {
    byte[] value = batch.one(commands -> commands.get(key));
    return value == null ? null : new String(value, StandardCharsets.US_ASCII);
  }
}

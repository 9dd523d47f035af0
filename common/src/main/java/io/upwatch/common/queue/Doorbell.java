package io.upwatch.common.queue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A key beside a partitioned stream that publishers set to a new random token once they have added
 * entries, so that an idle reader asks one key (GET) instead of every partition (an XREADGROUP
 * each) whether there is anything new. The reader's rule ({@link PartitionReads#poll}): a look over
 * the partitions that starts after reading the token and finds nothing means that everything added
 * before that token was set has been read; while the key keeps that token there is nothing new to
 * look for. A random token rather than a counter: a counter starts again from one when Redis loses
 * the key (a restart without persistence, a flush), and could come back to the value a reader last
 * saw. The token is a hint, not the data: a publisher whose ring is lost (a failure between adding
 * and ringing, an older version that does not ring) delays its entries until the reader's next
 * unprompted look, never loses them.
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
    byte[] token = AsyncBatch.utf8(Long.toHexString(ThreadLocalRandom.current().nextLong()));
    batch.one(commands -> commands.set(key, token));
  }

  /** The token now; null when it was never rung (or Redis lost it). */
  String read() {
    byte[] value = batch.one(commands -> commands.get(key));
    return value == null ? null : new String(value, StandardCharsets.US_ASCII);
  }
}

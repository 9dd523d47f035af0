package io.upwatch.common.queue;

import java.util.List;

/**
 * The entries one reclaim call took over from idle consumers.
 *
 * @param cursor where the next call continues; {@link ReclaimCursor#START} when the scan went round
 *     every partition
 * @param entries the claimed entries, now pending on the claiming consumer
 */
public record Reclaimed(ReclaimCursor cursor, List<StreamEntry> entries) {

  /** Whether the scan went round the pending entries of every partition. */
  public boolean scanComplete() {
    return ReclaimCursor.START.equals(cursor);
  }
}

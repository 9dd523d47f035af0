package io.upwatch.common.queue;

/**
 * Where a reclaim scan goes on: it walks the pending entries of partition after partition.
 *
 * @param partition the partition the scan is in
 * @param id the XAUTOCLAIM cursor within that partition's pending entries
 */
public record ReclaimCursor(int partition, String id) {

  /** The cursor that starts a scan at the first pending entry of the first partition. */
  public static final ReclaimCursor START = new ReclaimCursor(0, ReclaimCursor.FIRST_ID);

  static final String FIRST_ID = "0-0";

  /** The start of the given partition's pending entries. */
  static ReclaimCursor startOf(int partition) {
    return new ReclaimCursor(partition, FIRST_ID);
  }

  @Override
  public String toString() {
    return partition + "/" + id;
  }
}

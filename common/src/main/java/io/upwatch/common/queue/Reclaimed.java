package io.upwatch.common.queue;

import java.util.List;

/**
 * The entries one XAUTOCLAIM call took over from idle consumers.
 *
 * @param cursor where the next call continues; {@link #START} when the scan went round
 * @param entries the claimed entries, now pending on the claiming consumer
 */
public record Reclaimed(String cursor, List<StreamEntry> entries) {

  /** The cursor that starts a scan at the beginning of the group's pending entries. */
  public static final String START = "0-0";

  /** Whether the scan went round the whole pending entries list. */
  public boolean scanComplete() {
    return START.equals(cursor);
  }
}

package io.upwatch.monitoring.queue;

import java.util.List;

/**
 * The tasks one XAUTOCLAIM call took over from idle consumers.
 *
 * @param cursor where the next call continues; {@code 0-0} when the scan went round
 * @param entries the claimed entries, now pending on this worker
 */
record Reclaimed(String cursor, List<TaskEntry> entries) {

  static final String START = "0-0";

  boolean scanComplete() {
    return START.equals(cursor);
  }
}

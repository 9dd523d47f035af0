package io.upwatch.monitoringworker.probe;

import java.util.Arrays;

/**
 * Counts a response body and keeps its first {@code maxBytes} when asked (assertions read it);
 * otherwise the bytes are only counted. Past the limit the reader stops: an endless body costs no
 * more than the limit and a buffer.
 */
final class BoundedBody {

  private static final byte[] NO_BODY = new byte[0];

  private final long maxBytes;
  private final boolean keep;
  private long received;
  private byte[] kept = NO_BODY;

  BoundedBody(long maxBytes, boolean keep) {
    this.maxBytes = maxBytes;
    this.keep = keep;
  }

  /** Takes {@code length} bytes; false once more than the limit has arrived (read no further). */
  boolean add(byte[] bytes, int offset, int length) {
    if (keep && received < maxBytes) {
      int take = (int) Math.min(length, maxBytes - received);
      int from = (int) received;
      if (kept.length < from + take) {
        kept =
            Arrays.copyOf(kept, (int) Math.min(maxBytes, Math.max(from + take, 2L * kept.length)));
      }
      System.arraycopy(bytes, offset, kept, from, take);
    }
    received += length;
    return received <= maxBytes;
  }

  /** The bytes kept, at most the limit; empty unless kept. */
  byte[] bytes() {
    return keep ? Arrays.copyOf(kept, (int) Math.min(received, maxBytes)) : NO_BODY;
  }
}

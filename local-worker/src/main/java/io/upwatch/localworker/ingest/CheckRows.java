package io.upwatch.localworker.ingest;

import io.upwatch.common.CheckResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Results as the rows of a {@code COPY checks FROM STDIN} in PostgreSQL's text format: one line a
 * row, tab-separated, {@code \N} for null, and backslash, tab, newline and carriage return escaped
 * in text. Times are whole milliseconds, as the statement-based path stores them.
 */
final class CheckRows {

  static final String COPY =
      "COPY checks (url_id, slot, started_at, latency_ms, status_code, failure_kind, success,"
          + " message, region, tls_expires_at) FROM STDIN";

  private static final String NULL = "\\N";

  private CheckRows() {}

  static byte[] encode(List<CheckResult> results) {
    StringBuilder out = new StringBuilder(results.size() * 120);
    for (CheckResult r : results) {
      out.append(r.id().urlId()).append('\t');
      time(out, r.id().slot()).append('\t');
      time(out, r.startedAt()).append('\t');
      out.append(latency(r)).append('\t');
      out.append(r.statusCode() == null ? NULL : r.statusCode()).append('\t');
      text(out, r.failureKind() == null ? null : r.failureKind().name()).append('\t');
      out.append(r.success() ? 't' : 'f').append('\t');
      text(out, r.message()).append('\t');
      text(out, region(r)).append('\t');
      time(out, r.tlsExpiresAt()).append('\n');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The latency as stored: an int, never negative. */
  static int latency(CheckResult result) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(0, result.latencyMillis()));
  }

  /** The region as stored: results that come from no region under the empty label. */
  static String region(CheckResult result) {
    return result.region() == null ? "" : result.region();
  }

  private static StringBuilder time(StringBuilder out, Instant time) {
    return time == null ? out.append(NULL) : out.append(Instant.ofEpochMilli(time.toEpochMilli()));
  }

  private static StringBuilder text(StringBuilder out, String value) {
    if (value == null) {
      return out.append(NULL);
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    return out;
  }
}

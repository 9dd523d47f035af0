package io.upwatch.common;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The outcome of one check, as a monitoring worker puts it on the result stream.
 *
 * @param id the URL and scheduled slot of the task this answers
 * @param startedAt when the worker began the check
 * @param latencyMillis time from start to the complete response, or to the failure
 * @param statusCode the HTTP status, or {@code null} when no response arrived
 * @param failureKind why no response arrived, or {@code null} when one did
 * @param workerId the worker that ran the check
 * @param region the region label of that worker
 * @param tlsExpiresAt when the leaf certificate of an https check's final hop expires, or {@code
 *     null} (plain http, or no handshake completed)
 */
public record CheckResult(
    TaskId id,
    Instant startedAt,
    long latencyMillis,
    Integer statusCode,
    FailureKind failureKind,
    String message,
    String workerId,
    String region,
    Instant tlsExpiresAt) {

  private static final String ID = "id";
  private static final String STARTED_AT = "startedAt";
  private static final String LATENCY_MS = "latencyMs";
  private static final String STATUS = "status";
  private static final String FAILURE = "failure";
  private static final String WORKER = "worker";
  private static final String REGION = "region";
  private static final String MESSAGE = "message";
  private static final String TLS_EXPIRES_AT = "tlsExpiresAt";

  /** Longest failure message a result carries (the checks table's column); longer is cut. */
  public static final int MAX_MESSAGE_LENGTH = 256;

  /** Longest region label a result may carry (the checks table's column). */
  public static final int MAX_REGION_LENGTH = 32;

  /** Longest worker id a result may carry (the checks table's column). */
  public static final int MAX_WORKER_ID_LENGTH = 64;

  /** What a region label or worker id may consist of: safe in logs, metrics and SQL alike. */
  public static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  // Checked here, where every result is built and parsed, so a value the checks table cannot
  // hold is refused by the worker that would publish it and dead-lettered by the one that reads
  // it, instead of failing a whole batch's insert.
  public CheckResult {
    if (statusCode != null && (statusCode < 100 || statusCode > 999)) {
      throw new IllegalArgumentException("Status code " + statusCode + " is not an HTTP status");
    }
    // The original rule, kept for results from workers that predate failure kinds on responses:
    // a 5xx answer without a kind failed on its status.
    if (failureKind == null && statusCode != null && statusCode >= 500 && statusCode <= 599) {
      failureKind = FailureKind.STATUS;
    }
    if (failureKind == null) {
      message = null;
    } else if (message != null) {
      // PostgreSQL's text cannot hold NUL: a failure ping whose log carries one would be
      // dead-lettered, and the reported failure lost. The replacement character keeps its place.
      message = message.replace('\u0000', '\uFFFD');
      if (message.length() > MAX_MESSAGE_LENGTH) {
        message = message.substring(0, MAX_MESSAGE_LENGTH - 1) + "…";
      }
    }
    if (latencyMillis < 0) {
      throw new IllegalArgumentException("Latency " + latencyMillis + " ms is negative");
    }
    checkLabel("worker id", workerId, MAX_WORKER_ID_LENGTH);
    checkLabel("region", region, MAX_REGION_LENGTH);
  }

  /**
   * Checks a worker id or region label.
   *
   * @throws IllegalArgumentException naming the label, its limit and allowed characters
   */
  public static void checkLabel(String what, String value, int maxLength) {
    if (value == null) {
      return;
    }
    if (value.length() > maxLength || !LABEL.matcher(value).matches()) {
      throw new IllegalArgumentException(
          what
              + " '"
              + (value.length() > 80 ? value.substring(0, 80) + "…" : value)
              + "' must be 1-"
              + maxLength
              + " characters of letters, digits, '.', '_' and '-', starting with a letter or"
              + " digit");
    }
  }

  /** A result without a certificate expiry. */
  public CheckResult(
      TaskId id,
      Instant startedAt,
      long latencyMillis,
      Integer statusCode,
      FailureKind failureKind,
      String message,
      String workerId,
      String region) {
    this(id, startedAt, latencyMillis, statusCode, failureKind, message, workerId, region, null);
  }

  /**
   * A result of a check that got a response, judged by the original rule: any status below 500
   * succeeds.
   */
  public CheckResult(
      TaskId id,
      Instant startedAt,
      long latencyMillis,
      Integer statusCode,
      FailureKind failureKind,
      String workerId,
      String region) {
    this(id, startedAt, latencyMillis, statusCode, failureKind, null, workerId, region, null);
  }

  /** A check succeeds when nothing made it fail. */
  public boolean success() {
    return failureKind == null;
  }

  /** The fields of the stream entry that carries this result. */
  public Map<String, String> toFields() {
    Map<String, String> fields = new HashMap<>();
    fields.put(ID, id.toString());
    fields.put(STARTED_AT, Long.toString(startedAt.toEpochMilli()));
    fields.put(LATENCY_MS, Long.toString(latencyMillis));
    if (statusCode != null) {
      fields.put(STATUS, statusCode.toString());
    }
    if (failureKind != null) {
      fields.put(FAILURE, failureKind.name());
    }
    if (message != null) {
      fields.put(MESSAGE, message);
    }
    // Absent for results no worker ran: a heartbeat's pings and missed periods.
    if (workerId != null) {
      fields.put(WORKER, workerId);
    }
    if (region != null) {
      fields.put(REGION, region);
    }
    if (tlsExpiresAt != null) {
      fields.put(TLS_EXPIRES_AT, Long.toString(tlsExpiresAt.toEpochMilli()));
    }
    return fields;
  }

  /**
   * Reads a result from a stream entry's fields.
   *
   * @throws IllegalArgumentException when a field is missing or malformed
   */
  public static CheckResult fromFields(Map<String, String> fields) {
    String status = StreamFields.optional(fields, STATUS);
    String failure = StreamFields.optional(fields, FAILURE);
    String tlsExpiresAt = StreamFields.optional(fields, TLS_EXPIRES_AT);
    return new CheckResult(
        TaskId.parse(StreamFields.required(fields, ID)),
        Instant.ofEpochMilli(StreamFields.requiredLong(fields, STARTED_AT)),
        StreamFields.requiredLong(fields, LATENCY_MS),
        status == null ? null : Integer.valueOf(status),
        failure == null ? null : FailureKind.valueOf(failure),
        StreamFields.optional(fields, MESSAGE),
        StreamFields.optional(fields, WORKER),
        StreamFields.optional(fields, REGION),
        tlsExpiresAt == null ? null : Instant.ofEpochMilli(Long.parseLong(tlsExpiresAt)));
  }
}

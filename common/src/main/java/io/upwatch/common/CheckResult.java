package io.upwatch.common;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

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
 */
public record CheckResult(
    TaskId id,
    Instant startedAt,
    long latencyMillis,
    Integer statusCode,
    FailureKind failureKind,
    String workerId,
    String region) {

  private static final String ID = "id";
  private static final String STARTED_AT = "startedAt";
  private static final String LATENCY_MS = "latencyMs";
  private static final String STATUS = "status";
  private static final String FAILURE = "failure";
  private static final String WORKER = "worker";
  private static final String REGION = "region";

  public CheckResult {
    if ((statusCode == null) == (failureKind == null)) {
      throw new IllegalArgumentException("A result has either a status code or a failure kind");
    }
  }

  /** A check succeeds when a response arrived whose status is not 5xx. */
  public boolean success() {
    return statusCode != null && (statusCode < 500 || statusCode > 599);
  }

  /** The fields of the stream entry that carries this result. */
  public Map<String, String> toFields() {
    Map<String, String> fields = new HashMap<>();
    fields.put(ID, id.toString());
    fields.put(STARTED_AT, Long.toString(startedAt.toEpochMilli()));
    fields.put(LATENCY_MS, Long.toString(latencyMillis));
    if (statusCode != null) {
      fields.put(STATUS, statusCode.toString());
    } else {
      fields.put(FAILURE, failureKind.name());
    }
    fields.put(WORKER, workerId);
    fields.put(REGION, region);
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
    return new CheckResult(
        TaskId.parse(StreamFields.required(fields, ID)),
        Instant.ofEpochMilli(StreamFields.requiredLong(fields, STARTED_AT)),
        StreamFields.requiredLong(fields, LATENCY_MS),
        status == null ? null : Integer.valueOf(status),
        failure == null ? null : FailureKind.valueOf(failure),
        StreamFields.optional(fields, WORKER),
        StreamFields.optional(fields, REGION));
  }
}

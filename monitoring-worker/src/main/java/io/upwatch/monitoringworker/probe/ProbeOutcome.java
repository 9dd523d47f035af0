package io.upwatch.monitoringworker.probe;

import io.upwatch.common.FailureKind;
import java.time.Duration;
import java.time.Instant;

/**
 * What one check found: a status code, or why there was no response.
 *
 * @param statusCode the final response's status, or {@code null} when none arrived
 * @param failure why the check failed, or {@code null} when it succeeded
 * @param latency time from the start of the check to its completion or failure
 * @param message what the check saw when it failed (e.g. which assertion did not hold), or null
 * @param tlsExpiresAt when the final hop's leaf certificate expires, or {@code null}
 */
public record ProbeOutcome(
    Integer statusCode,
    FailureKind failure,
    Duration latency,
    String message,
    Instant tlsExpiresAt) {

  public ProbeOutcome(Integer statusCode, FailureKind failure, Duration latency) {
    this(statusCode, failure, latency, null, null);
  }

  static ProbeOutcome response(int statusCode, Duration latency) {
    return new ProbeOutcome(statusCode, null, latency);
  }

  static ProbeOutcome failed(FailureKind failure, Duration latency) {
    return new ProbeOutcome(null, failure, latency);
  }

  static ProbeOutcome failed(FailureKind failure, Duration latency, String message) {
    return new ProbeOutcome(null, failure, latency, message, null);
  }
}

package io.upwatch.monitoring.probe;

import io.upwatch.common.FailureKind;
import java.time.Duration;

/**
 * What one check found: a status code, or why there was no response.
 *
 * @param statusCode the final response's status, or {@code null} on failure
 * @param failure why no response arrived, or {@code null} when one did
 * @param latency time from the start of the check to its completion or failure
 */
public record ProbeOutcome(Integer statusCode, FailureKind failure, Duration latency) {

  static ProbeOutcome response(int statusCode, Duration latency) {
    return new ProbeOutcome(statusCode, null, latency);
  }

  static ProbeOutcome failed(FailureKind failure, Duration latency) {
    return new ProbeOutcome(null, failure, latency);
  }
}

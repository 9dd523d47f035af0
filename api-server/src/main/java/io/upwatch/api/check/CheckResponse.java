package io.upwatch.api.check;

import java.time.Instant;

/**
 * One check of a URL.
 *
 * @param slot the time the check was scheduled for
 * @param startedAt when the worker began it
 * @param success true when nothing made the check fail (by default: a response below 500)
 * @param statusCode the HTTP status, null when no response arrived
 * @param failureKind why the check failed (STATUS, ASSERTION, DNS, CONNECT, TLS, RESET, TIMEOUT,
 *     ...), or null when it succeeded
 * @param message what the failed check saw (e.g. which assertion did not hold), or null
 * @param latencyMs time to the complete response or the failure
 * @param region the region of the worker that ran it
 */
public record CheckResponse(
    Instant slot,
    Instant startedAt,
    boolean success,
    Integer statusCode,
    String failureKind,
    String message,
    long latencyMs,
    String region) {}

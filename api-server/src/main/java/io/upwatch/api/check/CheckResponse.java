package io.upwatch.api.check;

import java.time.Instant;

/**
 * One check of a URL.
 *
 * @param slot the time the check was scheduled for
 * @param startedAt when the worker began it
 * @param success true for a response below 500
 * @param statusCode the HTTP status, null when no response arrived
 * @param failureKind why no response arrived (DNS, CONNECT, TLS, RESET, TIMEOUT, ...), or null
 * @param latencyMs time to the complete response or the failure
 * @param region the region of the worker that ran it
 */
public record CheckResponse(
    Instant slot,
    Instant startedAt,
    boolean success,
    Integer statusCode,
    String failureKind,
    long latencyMs,
    String region) {}

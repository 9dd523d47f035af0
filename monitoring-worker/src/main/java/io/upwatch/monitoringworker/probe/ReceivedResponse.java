package io.upwatch.monitoringworker.probe;

import java.time.Instant;

/**
 * The final response of one exchange, as far as a check reads it.
 *
 * @param status the status code
 * @param headers the header fields
 * @param body the body's first bytes up to the limit when kept (assertions read it), else empty
 * @param tlsExpiresAt when the connection's leaf certificate expires, for https; {@code null}
 *     otherwise
 */
record ReceivedResponse(int status, ResponseHeaders headers, byte[] body, Instant tlsExpiresAt) {

  ReceivedResponse withTlsExpiry(Instant expiresAt) {
    return new ReceivedResponse(status, headers, body, expiresAt);
  }
}

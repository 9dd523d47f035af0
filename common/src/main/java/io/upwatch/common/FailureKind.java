package io.upwatch.common;

/** Why a check failed. A check without a failure kind succeeded. */
public enum FailureKind {
  /** A response arrived with a status the monitor does not accept (by default: any 5xx). */
  STATUS,
  /** A response arrived but one of the monitor's assertions did not hold. */
  ASSERTION,
  /** A heartbeat monitor got no ping within its period and grace. */
  NO_PING,
  /** A heartbeat monitor's job reported a failure (a ping to its fail URL). */
  REPORTED_FAILURE,
  /** The host name did not resolve. */
  DNS,
  /** The TCP connection was refused or could not be established in time. */
  CONNECT,
  /** The TLS handshake failed, e.g. an invalid or expired certificate. */
  TLS,
  /** The peer reset or closed the connection before a complete response. */
  RESET,
  /** The check's deadline (connect, headers and body) passed. */
  TIMEOUT,
  /** More redirects than allowed, or a redirect loop. */
  TOO_MANY_REDIRECTS,
  /** The peer answered something that is not valid HTTP. */
  PROTOCOL,
  /** The operator's outbound policy forbids the target's address. */
  FORBIDDEN_TARGET,
  /** Anything else; the worker logs the cause. */
  OTHER
}

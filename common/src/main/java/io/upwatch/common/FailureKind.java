package io.upwatch.common;

/**
 * Why a check got no usable HTTP response. A 5xx answer is not a failure kind: it is a response
 * whose status makes the check fail.
 */
public enum FailureKind {
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

package io.upwatch.api.url;

/** What a monitor checks; every kind feeds the same alert rule, checks and alerts. */
public enum MonitorKind {
  /** An HTTP(S) request to the URL; the original's only kind. */
  HTTP,
  /** A TCP connection to {@code tcp://host:port}. */
  TCP,
  /** A DNS lookup of a name. */
  DNS,
  /** Pings from the user's job to the monitor's ping URL; silence is the failure. */
  HEARTBEAT
}

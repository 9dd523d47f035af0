package io.upwatch.common.probe;

/** What a task asks the prober to do. Tasks without a kind are HTTP checks. */
public enum ProbeKind {
  /** An HTTP(S) request to the URL. */
  HTTP,
  /** A TCP connection to {@code tcp://host:port}. */
  TCP,
  /** A DNS lookup of a name. */
  DNS
}

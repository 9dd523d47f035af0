package io.upwatch.api.url;

/**
 * Which fields each kind of monitor takes, for changes: a registration is checked by {@link
 * KindFields}, a change against the kind of the monitor it changes, with the same {@code errors}
 * shape.
 */
final class MonitorRequests {

  static final String NO_TARGET = "a heartbeat monitor has no target: its job pings it";
  static final String NO_INTERVAL = "a heartbeat's period is set as heartbeat.periodSeconds";
  static final String NO_TIMEOUT = "a heartbeat monitor has no timeout";
  static final String ONLY_HEARTBEAT = "is only for kind HEARTBEAT";
  static final String NO_REGIONS = "a heartbeat's pings come from no region";

  private MonitorRequests() {}

  /** Checks a change against the kind of the monitor it changes. */
  static void check(MonitoredUrl url, UpdateUrlRequest request) {
    if (url.isHeartbeat()) {
      require(request.url() == null, "url", NO_TARGET);
      require(request.intervalSeconds() == null, "intervalSeconds", NO_INTERVAL);
      require(request.timeoutSeconds() == null, "timeoutSeconds", NO_TIMEOUT);
      require(request.regions() == null, "regions", NO_REGIONS);
      require(request.quorum() == null, "quorum", NO_REGIONS);
    } else {
      require(request.heartbeat() == null, "heartbeat", ONLY_HEARTBEAT);
    }
  }

  private static void require(boolean condition, String field, String message) {
    if (!condition) {
      throw new InvalidUrlSettings(field, message);
    }
  }
}

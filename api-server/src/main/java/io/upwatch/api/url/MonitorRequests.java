package io.upwatch.api.url;

/**
 * Which fields each kind of monitor takes. Bean Validation checks every field on its own; this
 * checks them together, with the same {@code errors} shape.
 */
final class MonitorRequests {

  private MonitorRequests() {}

  /** Checks a registration against its kind; returns the kind (HTTP when absent). */
  static MonitorKind check(RegisterUrlRequest request) {
    MonitorKind kind = request.kind() == null ? MonitorKind.HTTP : request.kind();
    if (kind == MonitorKind.HEARTBEAT) {
      noProbeFields(request.url(), request.intervalSeconds(), request.timeoutSeconds());
      require(
          request.heartbeat() != null && request.heartbeat().periodSeconds() != null,
          "heartbeat.periodSeconds",
          "must not be null");
      return kind;
    }
    require(kind == MonitorKind.HTTP, "kind", "must be HTTP or HEARTBEAT");
    require(request.url() != null && !request.url().isBlank(), "url", "must not be blank");
    require(request.threshold() != null, "threshold", "must not be null");
    require(request.heartbeat() == null, "heartbeat", "is only for kind HEARTBEAT");
    return kind;
  }

  /** Checks a change against the kind of the monitor it changes. */
  static void check(MonitoredUrl url, UpdateUrlRequest request) {
    if (url.isHeartbeat()) {
      noProbeFields(request.url(), request.intervalSeconds(), request.timeoutSeconds());
    } else {
      require(request.heartbeat() == null, "heartbeat", "is only for kind HEARTBEAT");
    }
  }

  private static void noProbeFields(String url, Integer intervalSeconds, Integer timeoutSeconds) {
    require(url == null, "url", "a heartbeat monitor has no target: its job pings it");
    require(
        intervalSeconds == null,
        "intervalSeconds",
        "a heartbeat's period is set as heartbeat.periodSeconds");
    require(timeoutSeconds == null, "timeoutSeconds", "a heartbeat monitor has no timeout");
  }

  private static void require(boolean condition, String field, String message) {
    if (!condition) {
      throw new InvalidUrlSettings(field, message);
    }
  }
}

package io.upwatch.monitoring;

import io.upwatch.common.CheckResult;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the monitoring worker. Defaults live in {@code application.yml}.
 *
 * @param concurrency most checks in flight at once; the worker never reads more tasks than this
 * @param workerId name of this worker in results and as Redis consumer; blank: host name + suffix
 * @param region region label written into every result
 * @param readBlock how long one read of the task stream waits for new tasks (XREADGROUP BLOCK)
 * @param leaseTime idle time after which an unacknowledged task is reclaimed from its worker
 * @param reclaimInterval how often the worker looks for tasks to reclaim, and so how soon it takes
 *     over tasks a stopping worker handed back
 * @param maxDeliveries deliveries after which a task goes to the dead-letter stream unchecked
 * @param resultsMaxLength approximate cap on the length of the result stream (XADD MAXLEN ~)
 * @param deadLettersMaxLength approximate cap on the length of the dead-letter stream
 * @param maxCheckTimeout upper bound on a task's timeout; must be shorter than the lease time
 * @param connectTimeout time allowed to open the TCP connection of a check
 * @param maxBodySize most bytes of a response body read; the rest is not downloaded
 * @param maxRedirects most redirects followed by one check
 * @param userAgent User-Agent header sent with every check
 * @param blockPrivateTargets refuse private, loopback, link-local and multicast target addresses
 * @param shutdownGrace time in-flight checks get on shutdown before they are handed back
 */
@ConfigurationProperties(prefix = "upwatch.monitoring")
public record MonitoringProperties(
    int concurrency,
    String workerId,
    String region,
    Duration readBlock,
    Duration leaseTime,
    Duration reclaimInterval,
    int maxDeliveries,
    long resultsMaxLength,
    long deadLettersMaxLength,
    Duration maxCheckTimeout,
    Duration connectTimeout,
    DataSize maxBodySize,
    int maxRedirects,
    String userAgent,
    boolean blockPrivateTargets,
    Duration shutdownGrace) {

  public MonitoringProperties {
    require(concurrency > 0, "concurrency must be positive");
    require(maxDeliveries > 0, "max-deliveries must be positive");
    require(maxRedirects >= 0, "max-redirects must not be negative");
    require(
        leaseTime.compareTo(maxCheckTimeout) > 0,
        "lease-time must exceed max-check-timeout, or running checks get reclaimed");
    workerId = workerId == null || workerId.isBlank() ? defaultWorkerId() : workerId;
    checkLabel(
        "worker-id (UPWATCH_MONITORING_WORKER_ID)", workerId, CheckResult.MAX_WORKER_ID_LENGTH);
    checkLabel("region (MONITORING_REGION)", region, CheckResult.MAX_REGION_LENGTH);
  }

  // Fails the start with the setting's name rather than publishing results no store accepts.
  private static void checkLabel(String what, String value, int maxLength) {
    try {
      CheckResult.checkLabel(what, value, maxLength);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("upwatch.monitoring: " + e.getMessage(), e);
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException("upwatch.monitoring: " + message);
    }
  }

  // Unique per process, so that a restarted worker never inherits a dead one's pending tasks.
  private static String defaultWorkerId() {
    String host = System.getenv("HOSTNAME");
    if (host == null || host.isBlank()) {
      try {
        host = InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        host = "worker";
      }
    }
    return workerIdFor(host);
  }

  // Host names (Kubernetes pod names) reach 63 characters; the suffix must still fit.
  static String workerIdFor(String host) {
    byte[] suffix = new byte[3];
    ThreadLocalRandom.current().nextBytes(suffix);
    String label = host.replaceAll("[^A-Za-z0-9._-]", "-");
    int room = CheckResult.MAX_WORKER_ID_LENGTH - 7;
    return (label.length() > room ? label.substring(0, room) : label)
        + "-"
        + HexFormat.of().formatHex(suffix);
  }
}

package io.upwatch.monitoringworker;

import io.upwatch.common.CheckResult;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the monitoring worker, bound from {@code upwatch.monitoring.*}, with their defaults
 * here (only the User-Agent's default is in {@code application.yml}, where the build writes in the
 * version). Durations take a unit ({@code 1s}, {@code 60s}), sizes one of bytes ({@code 64KB}). The
 * constructor checks every value: the worker carries no Bean Validation (its ~700 classes cost
 * memory in every worker for one check at start).
 *
 * @param concurrency most checks in flight at once ({@code MONITORING_SERVER_CONCURRENCY}); the
 *     worker never reads more tasks than this; 1,000
 * @param workerId name of this worker in results and as Redis consumer; blank (the default): host
 *     name + random suffix, new on every start
 * @param region region label written into every result ({@code MONITORING_REGION}); default
 * @param readBlock how long one read of the task stream waits for new tasks while every partition
 *     is empty (looking again after 5 ms, doubling up to 100 ms); 1 s
 * @param leaseTime idle time after which an unacknowledged task is reclaimed from its worker; 60 s
 * @param reclaimInterval how often the worker looks for tasks to reclaim, and so how soon it takes
 *     over tasks a stopping worker handed back (short: a pass is one XAUTOCLAIM bounded by the free
 *     capacity); 1 s
 * @param maxDeliveries deliveries after which a task goes to the dead-letter stream unchecked; 5
 * @param resultsMaxLength approximate cap on the length of the result stream in entries (XADD
 *     MAXLEN ~); 1,000,000
 * @param deadLettersMaxLength approximate cap on the length of the dead-letter stream; 100,000
 * @param maxCheckTimeout upper bound on a task's timeout; must be shorter than the lease time; 30 s
 * @param connectTimeout time allowed to open the TCP connection of a check; 5 s
 * @param maxBodySize most bytes of a response body read; the rest is not downloaded; 64 KiB
 * @param maxRedirects most redirects followed by one check; 10
 * @param userAgent User-Agent header sent with every check
 * @param shutdownGrace time in-flight checks get on shutdown before they are handed back; 20 s
 *     (below {@code spring.lifecycle.timeout-per-shutdown-phase})
 */
@ConfigurationProperties(prefix = "upwatch.monitoring")
public record MonitoringProperties(
    @DefaultValue("1000") int concurrency,
    String workerId,
    @DefaultValue("default") String region,
    @DefaultValue("1s") Duration readBlock,
    @DefaultValue("60s") Duration leaseTime,
    @DefaultValue("1s") Duration reclaimInterval,
    @DefaultValue("5") int maxDeliveries,
    @DefaultValue("1000000") long resultsMaxLength,
    @DefaultValue("100000") long deadLettersMaxLength,
    @DefaultValue("30s") Duration maxCheckTimeout,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("64KB") DataSize maxBodySize,
    @DefaultValue("10") int maxRedirects,
    String userAgent,
    @DefaultValue("20s") Duration shutdownGrace) {

  public MonitoringProperties {
    require(concurrency > 0, "concurrency must be positive");
    require(maxDeliveries > 0, "max-deliveries must be positive");
    require(maxRedirects >= 0, "max-redirects must not be negative");
    require(resultsMaxLength >= 1000, "results-max-length must be at least 1000");
    require(deadLettersMaxLength > 0, "dead-letters-max-length must be positive");
    require(userAgent != null && !userAgent.isBlank(), "user-agent must not be blank");
    present(region, "region");
    present(readBlock, "read-block");
    present(leaseTime, "lease-time");
    present(reclaimInterval, "reclaim-interval");
    present(maxCheckTimeout, "max-check-timeout");
    present(connectTimeout, "connect-timeout");
    present(maxBodySize, "max-body-size");
    present(shutdownGrace, "shutdown-grace");
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

  private static void present(Object value, String setting) {
    require(value != null, setting + " must be set");
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

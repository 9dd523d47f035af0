package io.upwatch.monitoringworker;

import java.time.Duration;
import org.springframework.util.unit.DataSize;

/** Worker settings for tests that build the worker's parts without Spring. */
public final class TestProperties {

  /** The region of every worker built here. */
  public static final String REGION = "test-region";

  private TestProperties() {}

  public static MonitoringProperties with(String workerId, int concurrency, Duration grace) {
    return with(workerId, concurrency, grace, Duration.ofSeconds(2));
  }

  public static MonitoringProperties with(
      String workerId, int concurrency, Duration grace, Duration lease) {
    return new MonitoringProperties(
        concurrency,
        workerId,
        REGION,
        Duration.ofMillis(200),
        lease,
        Duration.ofMillis(250),
        5,
        1_000,
        1_000,
        Duration.ofSeconds(1),
        Duration.ofSeconds(1),
        DataSize.ofKilobytes(64),
        10,
        "Upwatch/test (+uptime check)",
        grace);
  }
}

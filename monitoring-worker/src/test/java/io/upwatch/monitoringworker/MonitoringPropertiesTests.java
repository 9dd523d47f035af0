package io.upwatch.monitoringworker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class MonitoringPropertiesTests {

  @Test
  void blankWorkerIdBecomesHostNameWithARandomSuffix() {
    var first = TestProperties.with(" ", 10, Duration.ofSeconds(1));
    var second = TestProperties.with("", 10, Duration.ofSeconds(1));

    assertThat(first.workerId()).matches(".+-[0-9a-f]{6}");
    assertThat(first.workerId()).isNotEqualTo(second.workerId());
  }

  @Test
  void configuredWorkerIdIsKept() {
    assertThat(TestProperties.with("eu-1", 10, Duration.ofSeconds(1)).workerId()).isEqualTo("eu-1");
  }

  @Test
  void leaseMustOutlastTheLongestCheck() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> withLeaseAndMaxTimeout(Duration.ofSeconds(30), Duration.ofSeconds(30)))
        .withMessageContaining("lease-time");
  }

  @Test
  void concurrencyMustBePositive() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TestProperties.with("w", 0, Duration.ofSeconds(1)));
  }

  @Test
  void unsetOrOutOfRangeSettingsFailTheStartNamingTheSetting() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> withLeaseAndMaxTimeout(null, Duration.ofSeconds(30)))
        .withMessageContaining("lease-time must be set");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> withLimits(999, "ua"))
        .withMessageContaining("results-max-length");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> withLimits(1_000, " "))
        .withMessageContaining("user-agent");
  }

  @Test
  void workerIdsTooLongOrUnsafeFailTheStartNamingTheSetting() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TestProperties.with("w".repeat(65), 10, Duration.ofSeconds(1)))
        .withMessageContaining("UPWATCH_MONITORING_WORKER_ID")
        .withMessageContaining("1-64 characters");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TestProperties.with("eu 1; drop", 10, Duration.ofSeconds(1)));
  }

  @Test
  void aLongHostNameStillGivesAWorkerIdThatFits() {
    String id = MonitoringProperties.workerIdFor("pod-" + "x".repeat(66));

    assertThat(id).hasSize(64).matches("pod-x+-[0-9a-f]{6}");
    assertThat(TestProperties.with(id, 10, Duration.ofSeconds(1)).workerId()).isEqualTo(id);
  }

  @Test
  void regionLongerThanTheChecksColumnFailsTheStartNamingTheSetting() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> withRegion("europe-west-frankfurt-primary-zone-a"))
        .withMessageContaining("MONITORING_REGION")
        .withMessageContaining("1-32 characters");
    assertThat(withRegion("europe-west3").region()).isEqualTo("europe-west3");
  }

  private static MonitoringProperties withLimits(long resultsMaxLength, String userAgent) {
    return new MonitoringProperties(
        10,
        "w",
        "r",
        Duration.ofSeconds(1),
        Duration.ofSeconds(60),
        Duration.ofSeconds(1),
        5,
        resultsMaxLength,
        1_000,
        Duration.ofSeconds(30),
        Duration.ofSeconds(5),
        DataSize.ofKilobytes(64),
        10,
        userAgent,
        Duration.ofSeconds(20));
  }

  private static MonitoringProperties withRegion(String region) {
    return with(region, Duration.ofSeconds(60), Duration.ofSeconds(30));
  }

  private static MonitoringProperties withLeaseAndMaxTimeout(Duration lease, Duration maxTimeout) {
    return with("r", lease, maxTimeout);
  }

  private static MonitoringProperties with(String region, Duration lease, Duration maxTimeout) {
    return new MonitoringProperties(
        10,
        "w",
        region,
        Duration.ofSeconds(1),
        lease,
        Duration.ofSeconds(15),
        5,
        1_000,
        1_000,
        maxTimeout,
        Duration.ofSeconds(5),
        DataSize.ofKilobytes(64),
        10,
        "ua",
        Duration.ofSeconds(20));
  }
}

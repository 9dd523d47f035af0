package io.upwatch.monitoring;

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

  private static MonitoringProperties withLeaseAndMaxTimeout(Duration lease, Duration maxTimeout) {
    return new MonitoringProperties(
        10,
        "w",
        "r",
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
        false,
        Duration.ofSeconds(20));
  }
}

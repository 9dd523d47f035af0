package io.upwatch.monitoringworker.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class OutageLogTests {

  private final MutableClock clock = new MutableClock();
  private final OutageLog outage = new OutageLog(clock);
  private final Exception refused = new IllegalStateException("Connection refused");

  @Test
  void firstFailureWarnsAndRepeatsStayQuiet() {
    assertThat(outage.failed(refused)).isTrue();
    for (int attempt = 0; attempt < 100; attempt++) {
      clock.advance(Duration.ofMillis(500));
      assertThat(outage.failed(refused)).isFalse();
    }
    assertThat(outage.inOutage()).isTrue();
  }

  @Test
  void longOutageIsRemindedOfEveryMinute() {
    outage.failed(refused);
    clock.advance(OutageLog.REMINDER.minusSeconds(1));
    assertThat(outage.failed(refused)).isFalse();

    clock.advance(Duration.ofSeconds(1));
    assertThat(outage.failed(refused)).isTrue();
  }

  @Test
  void recoveryEndsTheOutageSoTheNextOneWarnsAgain() {
    outage.failed(refused);

    outage.recovered();

    assertThat(outage.inOutage()).isFalse();
    assertThat(outage.failed(refused)).isTrue();
  }

  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}

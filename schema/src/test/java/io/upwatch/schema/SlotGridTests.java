package io.upwatch.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlotGridTests {

  static final Duration MINUTE = Duration.ofSeconds(60);
  static final Instant SLOT = Instant.parse("2026-11-27T10:00:07.250Z");

  @Test
  void gridThroughASlotHasThatSlotAndOneEveryInterval() {
    SlotGrid grid = SlotGrid.through(SLOT, MINUTE);

    assertThat(grid.phaseMs()).isEqualTo(7_250);
    assertThat(grid.latestAtOrBefore(SLOT)).isEqualTo(SLOT);
    assertThat(grid.firstAtOrAfter(SLOT)).isEqualTo(SLOT);
    assertThat(grid.firstAtOrAfter(SLOT.plusMillis(1))).isEqualTo(SLOT.plus(MINUTE));
    assertThat(grid.latestAtOrBefore(SLOT.minusMillis(1))).isEqualTo(SLOT.minus(MINUTE));
    assertThat(grid.latestAtOrBefore(SLOT.plus(Duration.ofHours(5)).plusSeconds(59)))
        .isEqualTo(SLOT.plus(Duration.ofHours(5)));
  }

  @Test
  void subMillisecondTimesFallOnTheMillisecond() {
    SlotGrid grid = SlotGrid.through(SLOT.plusNanos(999_999), MINUTE);

    assertThat(grid.phaseMs()).isEqualTo(7_250);
    assertThat(grid.firstAtOrAfter(SLOT.plusNanos(1))).isEqualTo(SLOT.plus(MINUTE));
  }

  @Test
  void phaseMustLieWithinTheInterval() {
    assertThatThrownBy(() -> new SlotGrid(MINUTE, 60_000))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SlotGrid(MINUTE, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SlotGrid(Duration.ofMillis(1500), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

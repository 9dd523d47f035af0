package io.upwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BaselinesTests {

  @Test
  void moreConnectionsAreTriedWhileTheyGainAndTheBestRateIsTheBaseline() throws Exception {
    Map<Integer, Double> curve = Map.of(16, 1000.0, 64, 1500.0, 256, 1520.0, 1024, 2000.0);

    Map<Integer, Double> tried = Baselines.best(curve::get);

    // 256 gains less than 3 % over 64: 1,024 is not tried.
    assertThat(tried).containsOnlyKeys(16, 64, 256);
    assertThat(Baselines.describe(tried, tried)).containsEntry("blackboxProbesPerSecond", 1520.0);
  }

  @Test
  void aRateStillGrowingAtTheTopIsMeasuredUpTo1024Connections() throws Exception {
    Map<Integer, Double> tried = Baselines.best(c -> c * 10.0);

    assertThat(tried).containsOnlyKeys(16, 64, 256, 1024);
  }
}

package io.upwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTests {

  @Test
  void everyPortOfARunLiesInTheNineFromItsBase() {
    Settings settings = Settings.from(Map.of("BENCH_PORT_BASE", "18580"));

    assertThat(
            new int[] {
              settings.endToEndApiPort(),
              settings.localWorkerPort(),
              settings.monitoringWorkerPort(),
              settings.apiAlonePort(),
              settings.pingApiPort(),
              settings.farmPort(),
              settings.blackboxPort(),
              settings.webhookPort(),
              settings.redisPort()
            })
        .containsExactly(18580, 18581, 18582, 18583, 18584, 18585, 18586, 18587, 18588);
  }

  @Test
  void roleSettingsArePassedWithoutTheirPrefixAndOnlyThey() {
    Settings settings =
        Settings.from(
            Map.of(
                "BENCH_ROLE_LOCAL_WORKER_CONCURRENCY", "2",
                "BENCH_ROLE_", "ignored",
                "BENCH_URLS", "1000"));

    assertThat(settings.roleEnv()).containsExactly(Map.entry("LOCAL_WORKER_CONCURRENCY", "2"));
  }

  @Test
  void unknownPhasesAreDroppedAndTheDefaultIsEveryPhase() {
    assertThat(Settings.from(Map.of("BENCH_PHASES", "e2e,nonsense")).phases())
        .containsExactly("e2e");
    assertThat(Settings.from(Map.of()).phases())
        .containsExactlyInAnyOrderElementsOf(Benchmark.PHASES);
  }
}

package io.upwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The report's required figures, assembled by the same code a run uses from made-up figures. */
class ReportFieldsTests {

  private static final Instant T0 = Instant.parse("2026-11-26T18:00:00Z");

  private static RampStep step(int offered, double lagP99Ms, int startSecond) {
    long slots = offered * 40L;
    Map<String, Double> cpu = new LinkedHashMap<>();
    cpu.put("api-server", 0.4);
    cpu.put("local-worker", 6.0);
    cpu.put("monitoring-worker", 20.0);
    cpu.put("postgresql", 12.0);
    cpu.put("redis", 2.0);
    cpu.put(RampStep.FARM, 30.0);
    return new RampStep(
        new StepFigures(offered, slots, slots, 150, lagP99Ms, lagP99Ms + 100),
        offered * 10,
        T0.plusSeconds(startSecond),
        T0.plusSeconds(startSecond + 40),
        cpu,
        Map.of());
  }

  private static Map<String, Object> report() {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put(
        "baselines",
        Baselines.describe(
            Map.of(16, 9000.0, 64, 12_000.0, 256, 11_000.0),
            Map.of(16, 2500.0, 64, 3600.0, 256, 3100.0)));
    report.put(
        "proberAlone",
        ProberBench.describe(
            30_000, new double[] {10, 12}, new double[] {6, 7}, new double[] {7, 8}, 321.5));
    Map<String, Object> e2e =
        EndToEndBench.summary(
            RampPlan.from(Map.of(), 10),
            List.of(step(1000, 300, 0), step(2000, 500, 60), step(3000, 1551, 120)));
    report.put("endToEnd", e2e);
    @SuppressWarnings("unchecked")
    var baselines = (Map<String, Object>) report.get("baselines");
    report.put("capacity", Capacity.describe(e2e, baselines));
    return report;
  }

  @Test
  void aReportAssembledFromEveryPhaseCarriesEveryRequiredFigure() throws Exception {
    Map<String, Object> report = report();

    assertThat(ReportFields.missing(report)).isEmpty();
    JsonNode json =
        JsonMapper.builder()
            .build()
            .readTree(JsonMapper.builder().build().writeValueAsString(report));
    assertThat(json.at("/capacity/checksPerSecond").asInt()).isEqualTo(2000);
    assertThat(json.at("/capacity/blackboxProbesPerSecond").asDouble()).isEqualTo(3600.0);
    assertThat(json.at("/capacity/stoppedBy").asString())
        .isEqualTo("3000 checks/s offered: schedule lag p99 1551 ms");
    assertThat(json.at("/baselines/wrkNewConnectionGetsPerSecond").asDouble()).isEqualTo(12_000.0);
    assertThat(json.at("/proberAlone/checksPerSecond").asDouble()).isEqualTo(5000.0);
    assertThat(json.at("/proberAlone/peakRssMibWith1000InFlight").asDouble()).isEqualTo(321.5);
    assertThat(json.at("/endToEnd/slotsLost").asLong()).isZero();
    assertThat(json.at("/endToEnd/offeredPerSecond").asInt()).isEqualTo(2000);
    assertThat(json.at("/endToEnd/steps")).hasSize(3);
  }

  @Test
  void cpuPerCheckCountsRolesPostgresqlAndRedisButNotTheTargetFarm() {
    Map<String, Object> perCheck = step(1000, 300, 0).cpuMsPerCheck();

    // 40,000 checks; 40.4 CPU seconds without the farm's 30.
    assertThat(perCheck).containsEntry("monitoring-worker", 0.5).containsEntry("redis", 0.05);
    assertThat(perCheck).containsEntry("total", 1.01).doesNotContainKey(RampStep.FARM);
  }

  @Test
  void aMissingOrNullFigureIsNamed() {
    Map<String, Object> report = report();
    report.remove("baselines");
    ((Map<?, ?>) report.get("capacity")).remove("blackboxProbesPerSecond");

    assertThat(ReportFields.missing(report))
        .containsExactly(
            "capacity.blackboxProbesPerSecond", "baselines.wrkNewConnectionGetsPerSecond");
  }
}

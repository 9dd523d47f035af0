package io.upwatch.api.region;

import static org.assertj.core.api.Assertions.assertThat;

import io.upwatch.common.region.DeploymentRegions;
import io.upwatch.common.region.RegionWorkers;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegionsResponseTests {

  @Test
  void deploymentRegionsComeInTheirOrderThenUnconfiguredOnesByName() {
    Instant seen = Instant.parse("2026-11-26T10:00:00Z");
    var response =
        RegionsResponse.from(
            new DeploymentRegions(List.of("us", "eu", "ap")),
            Map.of(
                "eu", new RegionWorkers(2, seen),
                "zz", new RegionWorkers(1, seen),
                "mars", new RegionWorkers(0, seen)));

    assertThat(response.items())
        .containsExactly(
            new RegionResponse("us", true, false, 0, null),
            new RegionResponse("eu", true, true, 2, seen),
            new RegionResponse("ap", true, false, 0, null),
            new RegionResponse("mars", false, false, 0, seen),
            new RegionResponse("zz", false, true, 1, seen));
  }
}

package io.upwatch.common.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class DeploymentRegionsTests {

  @Test
  void aDeploymentThatNamesNoRegionHasTheDefaultOne() {
    assertThat(bind(Map.of()).regions()).containsExactly(DeploymentRegions.DEFAULT);
  }

  @Test
  void regionsAreReadFromACommaSeparatedList() {
    DeploymentRegions regions = bind(Map.of("upwatch.regions", "eu, us ,ap"));
    assertThat(regions.regions()).containsExactly("eu", "us", "ap");
    assertThat(regions.of(null)).containsExactly("eu", "us", "ap");
    assertThat(regions.of(List.of("us"))).containsExactly("us");
  }

  @Test
  void badListsAreRefusedAtStart() {
    for (String bad : List.of("eu,eu", "eu,has space", "eu,", "x".repeat(33))) {
      assertThatThrownBy(() -> bind(Map.of("upwatch.regions", bad)))
          .as(bad)
          .isInstanceOf(BindException.class);
    }
  }

  @Test
  void majorityIsMoreThanHalf() {
    assertThat(DeploymentRegions.majorityOf(1)).isEqualTo(1);
    assertThat(DeploymentRegions.majorityOf(2)).isEqualTo(2);
    assertThat(DeploymentRegions.majorityOf(3)).isEqualTo(2);
    assertThat(DeploymentRegions.majorityOf(4)).isEqualTo(3);
  }

  @Test
  void aUrlsQuorumIsItsOwnOrAMajorityOfItsRegionsAndNeverMoreThanItHas() {
    DeploymentRegions regions = bind(Map.of("upwatch.regions", "eu,us,ap"));
    assertThat(regions.quorumOf(null, null)).isEqualTo(2);
    assertThat(regions.quorumOf(List.of("eu"), null)).isEqualTo(1);
    assertThat(regions.quorumOf(List.of("eu", "us"), 1)).isEqualTo(1);
    assertThat(regions.quorumOf(null, 3)).isEqualTo(3);
    assertThat(regions.quorumOf(List.of("eu", "us"), 3)).isEqualTo(2);
  }

  private static DeploymentRegions bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("upwatch", DeploymentRegions.class);
  }
}

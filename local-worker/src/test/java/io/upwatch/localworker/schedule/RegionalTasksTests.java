package io.upwatch.localworker.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.upwatch.common.CheckTask;
import io.upwatch.common.TaskId;
import io.upwatch.common.region.DeploymentRegions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegionalTasksTests {

  private static final DeploymentRegions DEPLOYMENT =
      new DeploymentRegions(List.of("eu", "us", "ap"));

  @Test
  void aCheckGoesToEveryLiveRegionOfItsUrlAndTheDeadOnesAreCounted() {
    var everywhere = due(1, List.of());
    var usOnly = due(2, List.of("us"));
    var apAndEu = due(3, List.of("ap", "eu"));

    var tasks =
        RegionalTasks.of(
            List.of(everywhere, usOnly, apAndEu), DEPLOYMENT, Set.of("eu", "us")::contains);

    assertThat(tasks.claimed()).isEqualTo(3);
    assertThat(tasks.publish())
        .containsOnlyKeys("eu", "us")
        .containsEntry("eu", List.of(everywhere.task(), apAndEu.task()))
        .containsEntry("us", List.of(everywhere.task(), usOnly.task()));
    assertThat(tasks.skipped()).isEqualTo(Map.of("ap", 2));
    assertThat(tasks.published()).isEqualTo(4);
  }

  @Test
  void withNoLiveRegionNothingIsPublishedAndEverythingIsCounted() {
    var tasks =
        RegionalTasks.of(List.of(due(1, List.of()), due(2, List.of())), DEPLOYMENT, r -> false);

    assertThat(tasks.publish()).isEmpty();
    assertThat(tasks.skipped()).isEqualTo(Map.of("ap", 2, "eu", 2, "us", 2));
  }

  private static DueCheck due(long url, List<String> regions) {
    return new DueCheck(
        new CheckTask(
            new TaskId(url, Instant.ofEpochSecond(60)), "http://x/" + url, Duration.ofSeconds(5)),
        regions);
  }
}

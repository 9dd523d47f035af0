package io.upwatch.localworker.schedule;

import io.upwatch.common.CheckTask;
import io.upwatch.common.region.DeploymentRegions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The tasks of a claim, one per region each due check is checked from (its URL's own regions, or
 * every deployment region), to be published to that region's task queue; and, per region without a
 * live worker, how many were left out instead, so that a region that is gone gathers no backlog.
 *
 * @param claimed how many due checks the claim found
 * @param publish the tasks of each live region
 * @param skipped per region without a live worker, the tasks it would have had
 */
record RegionalTasks(
    int claimed, Map<String, List<CheckTask>> publish, Map<String, Integer> skipped) {

  static RegionalTasks of(
      List<DueCheck> due, DeploymentRegions deployment, Predicate<String> live) {
    Map<String, List<CheckTask>> publish = new LinkedHashMap<>();
    Map<String, Integer> skipped = new TreeMap<>();
    for (DueCheck check : due) {
      for (String region : deployment.of(check.regions())) {
        if (live.test(region)) {
          publish.computeIfAbsent(region, r -> new ArrayList<>()).add(check.task());
        } else {
          skipped.merge(region, 1, Integer::sum);
        }
      }
    }
    return new RegionalTasks(due.size(), publish, skipped);
  }

  int published() {
    return publish.values().stream().mapToInt(List::size).sum();
  }
}

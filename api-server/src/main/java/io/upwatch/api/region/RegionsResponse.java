package io.upwatch.api.region;

import io.upwatch.common.region.DeploymentRegions;
import io.upwatch.common.region.RegionPresence;
import io.upwatch.common.region.RegionWorkers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The regions of the deployment, then any others where workers were seen.
 *
 * @param items the deployment's regions in their configured order, then the unconfigured ones by
 *     name
 * @param liveWithinSeconds how recently a worker must have reported to count as live
 */
public record RegionsResponse(List<RegionResponse> items, long liveWithinSeconds) {

  static RegionsResponse from(DeploymentRegions deployment, Map<String, RegionWorkers> seen) {
    List<RegionResponse> items = new ArrayList<>();
    Map<String, RegionWorkers> unconfigured = new TreeMap<>(seen);
    for (String region : deployment.regions()) {
      unconfigured.remove(region);
      items.add(response(region, true, seen.getOrDefault(region, RegionWorkers.NONE)));
    }
    unconfigured.forEach((region, workers) -> items.add(response(region, false, workers)));
    return new RegionsResponse(items, RegionPresence.LIVE_WITHIN.toSeconds());
  }

  private static RegionResponse response(String region, boolean configured, RegionWorkers workers) {
    return new RegionResponse(
        region, configured, workers.isLive(), workers.live(), workers.lastSeenAt());
  }
}

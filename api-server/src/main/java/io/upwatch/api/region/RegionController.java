package io.upwatch.api.region;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.upwatch.common.region.DeploymentRegions;
import io.upwatch.common.region.RegionPresence;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where checks run from: the deployment's regions and whether each has live monitoring workers, so
 * that a region whose workers are all gone is visible (it gets no tasks meanwhile), and a worker
 * started with a region the deployment does not list stands out.
 */
@RestController
@Tag(name = "Regions")
class RegionController {

  private final DeploymentRegions regions;
  private final RegionPresence presence;

  RegionController(DeploymentRegions regions, RegionPresence presence) {
    this.regions = regions;
    this.presence = presence;
  }

  @Operation(
      operationId = "listRegions",
      summary = "List the regions checks run from",
      description =
          """
          The deployment's regions (`UPWATCH_REGIONS`), in their configured order, each with \
          its live monitoring workers: a worker is live while it has reported within the last \
          `liveWithinSeconds`. A region without live workers gets no tasks: its checks are not \
          run there until a worker is back. Regions where workers were seen within the last day \
          but that the deployment does not list follow, with `configured: false`: such workers \
          get no tasks (a misconfigured `MONITORING_REGION`).""")
  @GetMapping("/api/v1/regions")
  RegionsResponse list() {
    return RegionsResponse.from(regions, presence.read());
  }
}

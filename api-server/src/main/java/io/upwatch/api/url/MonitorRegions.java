package io.upwatch.api.url;

import io.upwatch.common.region.DeploymentRegions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The regions a monitor is checked from and its quorum: checked against the deployment's regions
 * ({@code UPWATCH_REGIONS}) as requests set them, resolved to their effective values as responses
 * and stats use them. A heartbeat's pings come from no region: it takes neither, and its quorum is
 * one.
 */
@Component
public class MonitorRegions {

  private final DeploymentRegions deployment;

  MonitorRegions(DeploymentRegions deployment) {
    this.deployment = deployment;
  }

  /**
   * Sets a new monitor's regions and quorum; absent ones mean every region and a majority. A
   * heartbeat's are refused before ({@link KindFields}).
   */
  void register(MonitoredUrl url, List<String> regions, Integer quorum) {
    if (url.isHeartbeat()) {
      return;
    }
    if (regions != null && regions.isEmpty()) {
      throw new InvalidUrlSettings(
          "regions",
          "must name at least one region (leave it out for every region of the deployment)");
    }
    List<String> own = checked(regions);
    url.setRegions(own, checkedQuorum(own, quorum));
  }

  /**
   * Changes a monitor's regions and quorum: absent ones keep their value, except that new regions
   * without a quorum take a majority of them; an empty list of regions returns it to every region
   * of the deployment. A heartbeat's are refused before ({@link MonitorRequests}).
   */
  void update(MonitoredUrl url, List<String> regions, Integer quorum) {
    if (url.isHeartbeat() || (regions == null && quorum == null)) {
      return;
    }
    List<String> own =
        regions == null ? url.getRegions() : regions.isEmpty() ? null : checked(regions);
    url.setRegions(own, checkedQuorum(own, quorum));
  }

  /**
   * The regions it is checked from: its own, else every region of the deployment; none for a
   * heartbeat.
   */
  public List<String> effective(MonitoredUrl url) {
    return url.isHeartbeat() ? List.of() : deployment.of(url.getRegions());
  }

  /** How many of its regions must be in breach at once (and fail a slot for it to be down). */
  public int quorum(MonitoredUrl url) {
    return url.isHeartbeat() ? 1 : deployment.quorumOf(url.getRegions(), url.getQuorum());
  }

  /** The deployment's regions, in its order. */
  public List<String> deployment() {
    return deployment.regions();
  }

  /** Whether the deployment checks from the region: the regions a filter may name. */
  public boolean inDeployment(String region) {
    return deployment.contains(region);
  }

  private List<String> checked(List<String> regions) {
    if (regions == null) {
      return null;
    }
    if (regions.size() > DeploymentRegions.MAX_REGIONS) {
      throw new InvalidUrlSettings(
          "regions", "must name at most " + DeploymentRegions.MAX_REGIONS + " regions");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < regions.size(); i++) {
      String region = regions.get(i);
      if (region == null || !deployment.contains(region)) {
        throw new InvalidUrlSettings(
            "regions[" + i + "]",
            (region == null ? "null" : "'" + region + "'")
                + " is not a region of this deployment (UPWATCH_REGIONS: "
                + String.join(", ", deployment.regions())
                + ")");
      }
      if (!seen.add(region)) {
        throw new InvalidUrlSettings("regions[" + i + "]", "names '" + region + "' twice");
      }
    }
    return List.copyOf(regions);
  }

  private Integer checkedQuorum(List<String> own, Integer quorum) {
    int count = deployment.of(own).size();
    if (quorum != null && (quorum < 1 || quorum > count)) {
      throw new InvalidUrlSettings(
          "quorum",
          "must be between 1 and " + count + ", the number of regions the monitor is checked from");
    }
    return quorum;
  }
}

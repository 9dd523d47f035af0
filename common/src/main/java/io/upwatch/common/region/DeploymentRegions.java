package io.upwatch.common.region;

import io.upwatch.common.CheckResult;
import java.util.HashSet;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The regions this deployment checks from ({@code UPWATCH_REGIONS}, comma-separated): a URL with no
 * regions of its own is checked from every one of them, and a URL's own regions must be among them.
 * A configured list rather than "whichever regions have live workers": a URL's quorum then does not
 * change under it when a region's workers come and go, and a region that is gone stays visible as
 * absent instead of silently leaving the rule.
 *
 * @param regions region labels, as monitoring workers declare theirs ({@code MONITORING_REGION});
 *     at most {@value #MAX_REGIONS}, each at most {@value CheckResult#MAX_REGION_LENGTH} characters
 */
@ConfigurationProperties(prefix = "upwatch")
public record DeploymentRegions(@DefaultValue(DeploymentRegions.DEFAULT) List<String> regions) {

  /** The region of a deployment, and of a monitoring worker, that names none. */
  public static final String DEFAULT = "default";

  /** Most regions one URL, or the deployment, can be checked from. */
  public static final int MAX_REGIONS = 16;

  public DeploymentRegions {
    regions = regions == null ? List.of(DEFAULT) : regions.stream().map(String::trim).toList();
    if (regions.isEmpty() || regions.size() > MAX_REGIONS) {
      throw new IllegalArgumentException(
          "UPWATCH_REGIONS must name between 1 and " + MAX_REGIONS + " regions");
    }
    for (String region : regions) {
      requireLabel(region);
    }
    if (new HashSet<>(regions).size() != regions.size()) {
      throw new IllegalArgumentException("UPWATCH_REGIONS names a region twice: " + regions);
    }
  }

  /** Whether the deployment checks from this region. */
  public boolean contains(String region) {
    return regions.contains(region);
  }

  /** The regions a URL is checked from: its own when it has any, else every region here. */
  public List<String> of(List<String> own) {
    return own == null || own.isEmpty() ? regions : own;
  }

  /**
   * How many of a URL's regions must be in breach for an availability alert: its own quorum when it
   * set one, else a majority of its regions, and never more than it has regions (a quorum stored
   * before the deployment lost regions is capped).
   *
   * @param own the URL's own regions, or null or empty for every region here
   * @param quorum the URL's own quorum, or null for a majority
   */
  public int quorumOf(List<String> own, Integer quorum) {
    int count = of(own).size();
    return quorum == null ? majorityOf(count) : Math.clamp(quorum, 1, count);
  }

  /** How many of {@code regionCount} regions must be in breach when a URL sets no quorum. */
  public static int majorityOf(int regionCount) {
    return regionCount / 2 + 1;
  }

  private static void requireLabel(String region) {
    if (region.isEmpty()
        || region.length() > CheckResult.MAX_REGION_LENGTH
        || !CheckResult.LABEL.matcher(region).matches()) {
      throw new IllegalArgumentException(
          "Region '"
              + region
              + "' in UPWATCH_REGIONS is not a label of at most "
              + CheckResult.MAX_REGION_LENGTH
              + " letters, digits, '.', '_' or '-'");
    }
  }
}

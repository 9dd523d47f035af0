package io.upwatch.api.url;

import io.swagger.v3.oas.annotations.media.Schema;
import io.upwatch.common.probe.DnsQuery;
import io.upwatch.common.region.DeploymentRegions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A partial change to a monitored URL: absent fields keep their value.
 *
 * @param name 1-64 letters, digits, '_', '.' or '-'; unique among the caller's URLs
 * @param url the target in the monitor's kind's form (its kind cannot change)
 * @param threshold an alert opens when failures in the window exceed this (0-1000)
 * @param intervalSeconds time between checks (10-86400)
 * @param timeoutSeconds total deadline of one check (1-60, at most the interval)
 * @param failureWindowSeconds trailing window for the alert rule (10-86400)
 * @param enabled false pauses checks, true resumes them
 * @param heartbeat a heartbeat's period and grace; only for heartbeats, which have no url, interval
 *     or timeout
 * @param http for kind HTTP: replaces the check settings (headers left out keep their stored
 *     values)
 * @param dns for kind DNS: replaces the record type and expected answer
 * @param regions replaces the regions it is checked from (1-16 of the deployment's); an empty list
 *     returns it to every region of the deployment; without {@code quorum}, the quorum becomes a
 *     majority of the new regions; not for heartbeats
 * @param quorum how many of its regions must be in breach at once (1 to their number); not for
 *     heartbeats
 */
@Schema(
    example =
        """
    {"threshold": 2, "failureWindowSeconds": 600}""")
public record UpdateUrlRequest(
    @UrlName String name,
    String url,
    @Min(0) @Max(1000) Integer threshold,
    @Min(10) @Max(86400) Integer intervalSeconds,
    @Min(1) @Max(60) Integer timeoutSeconds,
    @Min(10) @Max(86400) Integer failureWindowSeconds,
    Boolean enabled,
    @Valid HeartbeatRequest heartbeat,
    @Valid HttpCheckSettings http,
    @Valid DnsQuery dns,
    @Size(max = DeploymentRegions.MAX_REGIONS) List<String> regions,
    @Min(1) @Max(DeploymentRegions.MAX_REGIONS) Integer quorum) {

  /**
   * Whether this change sets part of the alert rule. Only then is a rule that can never fire
   * refused, so a URL stored that way through the original's routes can still be renamed or paused.
   */
  boolean setsRule() {
    return threshold != null
        || intervalSeconds != null
        || failureWindowSeconds != null
        || (heartbeat != null && heartbeat.periodSeconds() != null);
  }
}

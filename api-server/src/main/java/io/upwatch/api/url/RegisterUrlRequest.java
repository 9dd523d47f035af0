package io.upwatch.api.url;

import io.swagger.v3.oas.annotations.media.Schema;
import io.upwatch.common.probe.DnsQuery;
import io.upwatch.common.region.DeploymentRegions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A URL to monitor. The original's body ({@code name}, {@code url}, {@code threshold} as a numeric
 * string such as {@code "5"}) is a valid request; the rest is optional. A heartbeat monitor (kind
 * HEARTBEAT) has no {@code url}, interval or timeout: it sends {@code heartbeat} instead.
 *
 * @param name 1-64 letters, digits, '_', '.' or '-'; unique among the caller's URLs
 * @param url absolute http(s) URL, at most 2,048 characters; required except for heartbeats
 * @param threshold an alert opens when failures in the window exceed this (0-1000); required except
 *     for heartbeats, whose default 0 alerts on the first missed period
 * @param intervalSeconds time between checks (10-86400, default 60)
 * @param timeoutSeconds total deadline of one check (1-60, default 10, at most the interval)
 * @param failureWindowSeconds trailing window for the alert rule (10-86400, default 300)
 * @param kind what is checked (default HTTP): HTTP (url is an http(s) URL), TCP (url is
 *     tcp://host:port; connecting within the timeout succeeds), DNS (url is a host name that must
 *     resolve) or HEARTBEAT (no url: the monitor's job pings it)
 * @param http for kind HTTP: method, headers, body, redirects, accepted statuses, assertions and
 *     the certificate expiry threshold
 * @param dns for kind DNS: the record type (A, AAAA, CNAME, MX, TXT; default A) and an optional
 *     expected answer
 * @param heartbeat for kind HEARTBEAT: its period and grace
 * @param regions the regions to check it from (1-16 of the deployment's, UPWATCH_REGIONS); absent
 *     for every region of the deployment; not for heartbeats
 * @param quorum how many of its regions must be in breach at once for an alert (1 to their number;
 *     default a majority); not for heartbeats
 */
@MonitorTarget
@Schema(
    example =
        """
        {"name": "homepage", "url": "https://example.com/", "threshold": 3,
         "intervalSeconds": 60, "timeoutSeconds": 10, "failureWindowSeconds": 300}""")
@KindFields
public record RegisterUrlRequest(
    @NotBlank @UrlName String name,
    String url,
    @Min(0) @Max(1000) Integer threshold,
    @Min(10) @Max(86400) Integer intervalSeconds,
    @Min(1) @Max(60) Integer timeoutSeconds,
    @Min(10) @Max(86400) Integer failureWindowSeconds,
    MonitorKind kind,
    @Valid HttpCheckSettings http,
    @Valid DnsQuery dns,
    @Valid HeartbeatRequest heartbeat,
    @Size(max = DeploymentRegions.MAX_REGIONS) List<String> regions,
    @Min(1) @Max(DeploymentRegions.MAX_REGIONS) Integer quorum) {

  /** An HTTP monitor with the original check's settings (the dashboard's form). */
  public RegisterUrlRequest(
      String name,
      String url,
      Integer threshold,
      Integer intervalSeconds,
      Integer timeoutSeconds,
      Integer failureWindowSeconds) {
    this(
        name,
        url,
        threshold,
        intervalSeconds,
        timeoutSeconds,
        failureWindowSeconds,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** The kind asked for, HTTP when none was given. */
  MonitorKind kindOrHttp() {
    return kind == null ? MonitorKind.HTTP : kind;
  }
}

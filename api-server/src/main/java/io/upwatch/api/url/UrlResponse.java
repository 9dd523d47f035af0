package io.upwatch.api.url;

import io.upwatch.api.heartbeat.PingUrls;
import io.upwatch.common.probe.DnsQuery;
import io.upwatch.common.probe.ProbeSpec;
import java.time.Instant;
import java.util.List;

/**
 * A monitored URL as the resource API shows it.
 *
 * @param id the URL's id
 * @param name unique among the owner's URLs
 * @param kind what is checked: HTTP (the original's only kind), TCP, DNS or HEARTBEAT
 * @param url the checked URL; null for a heartbeat
 * @param threshold an alert opens when failures in the window exceed this
 * @param intervalSeconds time between checks
 * @param timeoutSeconds total deadline of one check
 * @param failureWindowSeconds trailing window of the alert rule
 * @param enabled false while paused
 * @param createdAt when it was registered
 * @param updatedAt when it last changed
 * @param ruleCanFire false when the threshold can never be exceeded (at most ceil(window /
 *     interval) checks fit in the window), so no alert will ever open; only the original's routes
 *     can store such a rule
 * @param warnings what is wrong with the URL's settings and how to fix it, for a person; empty when
 *     nothing is
 * @param heartbeat a heartbeat's period, grace and ping URLs; null for other kinds
 * @param http how an HTTP monitor checks (header values hidden); null for other kinds
 * @param dns what a DNS monitor asks; null for other kinds
 * @param regions the regions it is checked from, in order: its own, else every region of the
 *     deployment; empty for a heartbeat, whose pings come from no region
 * @param regionsDefault true when it names no regions of its own and follows the deployment's
 * @param quorum how many of its regions must be in breach at once for an alert, and fail a slot for
 *     it to count as down (1 for a heartbeat)
 * @param quorumDefault true when that is the default, a majority of its regions
 */
public record UrlResponse(
    long id,
    String name,
    MonitorKind kind,
    String url,
    int threshold,
    long intervalSeconds,
    double timeoutSeconds,
    long failureWindowSeconds,
    boolean enabled,
    Instant createdAt,
    Instant updatedAt,
    boolean ruleCanFire,
    List<String> warnings,
    HeartbeatResponse heartbeat,
    HttpCheckView http,
    DnsQuery dns,
    List<String> regions,
    boolean regionsDefault,
    int quorum,
    boolean quorumDefault) {

  public static UrlResponse from(MonitoredUrl url, PingUrls pingUrls, MonitorRegions regions) {
    UrlSettings settings = url.settings();
    boolean ruleCanFire = settings.ruleCanFire();
    ProbeSpec spec = url.checkSpec();
    return new UrlResponse(
        url.getId(),
        url.getName(),
        url.getKind(),
        url.isHeartbeat() ? null : url.getUrl(),
        url.getThreshold(),
        url.getInterval().toSeconds(),
        url.getTimeout().toMillis() / 1000.0,
        url.getFailureWindow().toSeconds(),
        url.isEnabled(),
        url.getCreatedAt(),
        url.getUpdatedAt(),
        ruleCanFire,
        ruleCanFire ? List.of() : List.of(settings.unreachableRule()),
        url.isHeartbeat() ? HeartbeatResponse.from(url, pingUrls) : null,
        url.getKind() == MonitorKind.HTTP
            ? HttpCheckView.of(spec, url.getCertificateExpiryDays())
            : null,
        url.getKind() == MonitorKind.DNS
            ? (spec == null || spec.dns() == null ? new DnsQuery(null, null) : spec.dns())
            : null,
        regions.effective(url),
        url.getRegions() == null,
        regions.quorum(url),
        url.getQuorum() == null);
  }
}

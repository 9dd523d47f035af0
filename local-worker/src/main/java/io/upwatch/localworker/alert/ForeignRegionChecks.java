package io.upwatch.localworker.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a URL's checks of its own regions for the alert rule. Others are ignored: counted, and
 * logged at most once a minute, since they mean monitoring workers of a region the deployment does
 * not name (a MONITORING_REGION missing from UPWATCH_REGIONS), whose results can never raise an
 * alert.
 */
final class ForeignRegionChecks {

  private static final Logger log = LoggerFactory.getLogger(ForeignRegionChecks.class);
  private static final Duration WARNING_PERIOD = Duration.ofMinutes(1);

  private final Counter ignored;
  private final Clock clock;
  private final AtomicLong lastWarning = new AtomicLong(Long.MIN_VALUE / 2);

  ForeignRegionChecks(MeterRegistry registry, Clock clock) {
    this.clock = clock;
    this.ignored =
        Counter.builder("upwatch.alert.checks.ignored")
            .description(
                "Stored checks the alert rule ignored: from a region the URL is not checked from")
            .register(registry);
  }

  /** The checks of the URL's own regions. */
  List<CheckPoint> keepOwn(MonitoredUrlRule url, List<CheckPoint> checks) {
    List<String> regions = url.quorum().regions();
    List<CheckPoint> own = checks.stream().filter(c -> regions.contains(c.region())).toList();
    if (own.size() < checks.size()) {
      ignored.increment(checks.size() - own.size());
      warnNowAndThen(url, checks);
    }
    return own;
  }

  private void warnNowAndThen(MonitoredUrlRule url, List<CheckPoint> checks) {
    long now = clock.millis();
    long last = lastWarning.get();
    if (now - last < WARNING_PERIOD.toMillis() || !lastWarning.compareAndSet(last, now)) {
      return;
    }
    List<String> regions = url.quorum().regions();
    String foreign =
        checks.stream()
            .map(CheckPoint::region)
            .filter(region -> !regions.contains(region))
            .findFirst()
            .orElseThrow();
    log.warn(
        "Ignoring checks of url {} '{}' from region '{}': it is checked from {} only (set"
            + " UPWATCH_REGIONS to the regions of the monitoring workers); more are counted in"
            + " upwatch_alert_checks_ignored_total",
        url.id(),
        url.name(),
        foreign,
        regions);
  }
}

package io.upwatch.localworker.region;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.upwatch.common.region.DeploymentRegions;
import io.upwatch.common.region.RegionPresence;
import io.upwatch.common.region.RegionWorkers;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The regions with live monitoring workers, as the scheduler asks before every pass: read from
 * {@link RegionPresence} at most once per {@link #FRESH_FOR}, and published as the gauge {@code
 * upwatch.region.workers{region}}: live workers of each deployment region, 0 while it has none.
 */
@Component
public class LiveRegions {

  /** How long one read of the presence is used before the next. */
  public static final Duration FRESH_FOR = Duration.ofSeconds(1);

  private final RegionPresence presence;
  private volatile Map<String, RegionWorkers> workers = Map.of();
  private long readAt = System.nanoTime() - FRESH_FOR.toNanos();

  LiveRegions(RegionPresence presence, DeploymentRegions regions, MeterRegistry registry) {
    this.presence = presence;
    for (String region : regions.regions()) {
      Gauge.builder("upwatch.region.workers", this, live -> live.workersIn(region))
          .description(
              "Live monitoring workers of the deployment region (beat within the last "
                  + RegionPresence.LIVE_WITHIN.toSeconds()
                  + " s); 0 while it has none, and then it gets no tasks")
          .tag("region", region)
          .register(registry);
    }
  }

  /**
   * The regions with a live worker, by a read at most {@link #FRESH_FOR} old; throws when that
   * needs Redis and Redis does not answer.
   */
  public synchronized Set<String> now() {
    if (System.nanoTime() - readAt >= FRESH_FOR.toNanos()) {
      refresh();
    }
    Set<String> live = new HashSet<>();
    workers.forEach(
        (region, seen) -> {
          if (seen.isLive()) {
            live.add(region);
          }
        });
    return live;
  }

  /** Reads the presence now; throws when Redis does not answer. */
  public synchronized void refresh() {
    workers = presence.read();
    readAt = System.nanoTime();
  }

  private double workersIn(String region) {
    return workers.getOrDefault(region, RegionWorkers.NONE).live();
  }
}

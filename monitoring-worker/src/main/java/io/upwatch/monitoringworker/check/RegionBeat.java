package io.upwatch.monitoringworker.check;

import io.upwatch.common.loop.WorkerLoop;
import io.upwatch.common.redis.BoundedCall;
import io.upwatch.common.region.RegionPresence;
import io.upwatch.monitoringworker.MonitoringProperties;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells the local workers and the API that this worker consumes its region's tasks ({@link
 * RegionPresence}): a beat every {@link RegionPresence#BEAT} while the task consumer runs, and a
 * last word as it stops, so that schedulers stop publishing to a region whose last worker stopped
 * at once rather than three missed beats later.
 */
@Component
class RegionBeat {

  // Shutdown must not wait for Redis (see BoundedCall).
  static final Duration LEAVE_BOUND = Duration.ofSeconds(2);
  private static final Logger log = LoggerFactory.getLogger(RegionBeat.class);

  private final RegionPresence presence;
  private final MonitoringProperties properties;
  private final WorkerLoop loop;

  RegionBeat(RegionPresence presence, MonitoringProperties properties) {
    this.presence = presence;
    this.properties = properties;
    this.loop =
        new WorkerLoop("region-beat", this::beat, RegionPresence.BEAT, RegionPresence.BEAT, 0);
  }

  private boolean beat() {
    presence.beat(properties.region(), properties.workerId());
    return false;
  }

  void start() {
    loop.start();
  }

  /** Stops beating and marks the worker gone; best effort, at most {@link #LEAVE_BOUND}. */
  void stop() {
    loop.stop();
    try {
      BoundedCall.within(
          LEAVE_BOUND,
          "region-leave",
          () -> {
            presence.leave(properties.region(), properties.workerId());
            return null;
          });
    } catch (RuntimeException e) {
      log.info(
          "Could not mark this worker gone from region {} ({}); it counts as gone after {}",
          properties.region(),
          e.toString(),
          RegionPresence.LIVE_WITHIN);
    }
  }
}

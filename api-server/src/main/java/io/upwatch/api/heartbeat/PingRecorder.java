package io.upwatch.api.heartbeat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.upwatch.api.config.ApiProperties;
import io.upwatch.common.CheckResult;
import io.upwatch.common.FailureKind;
import io.upwatch.common.TaskId;
import io.upwatch.common.queue.QueuePartitions;
import io.upwatch.common.queue.ResultQueue;
import io.upwatch.common.queue.StreamQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns pings into check results on the result stream (the monitor's partition), where the local
 * workers store them and run the alert rule as for every other check: a ping costs Redis round
 * trips, never a PostgreSQL write. A ping's slot is its arrival time (to the millisecond), so every
 * ping is its own check; a start is kept in Redis until the run's success or failure ping measures
 * its duration.
 */
@Component
class PingRecorder {

  private static final String START_KEY = "upwatch:heartbeat:start:";

  private final StringRedisTemplate redis;
  private final ResultQueue results;
  private final Duration startTtl;
  private final Clock clock;
  private final Map<PingKind, Counter> pings = new EnumMap<>(PingKind.class);

  PingRecorder(
      StringRedisTemplate redis,
      QueuePartitions partitions,
      ApiProperties properties,
      Clock clock,
      MeterRegistry registry) {
    this.redis = redis;
    this.results =
        new ResultQueue(
            redis, partitions, properties.heartbeat().resultsMaxLength(), StreamQueue.UNCAPPED);
    this.startTtl = properties.heartbeat().startTtl();
    this.clock = clock;
    for (PingKind kind : PingKind.values()) {
      pings.put(
          kind,
          Counter.builder("upwatch.heartbeat.pings")
              .description("Heartbeat pings recorded, by kind: success, failure or start")
              .tag("kind", kind.name().toLowerCase(java.util.Locale.ROOT))
              .register(registry));
    }
  }

  /**
   * Records a ping of an enabled monitor.
   *
   * @param body what the job sent (e.g. its last log lines); becomes a failure's message
   */
  void record(PingTarget target, PingKind kind, String body) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String startKey = START_KEY + target.urlId();
    if (kind == PingKind.START) {
      redis.opsForValue().set(startKey, Long.toString(now.toEpochMilli()), startTtl);
    } else {
      String started = redis.opsForValue().getAndDelete(startKey);
      long duration =
          started == null ? 0 : Math.max(0, now.toEpochMilli() - Long.parseLong(started));
      boolean failed = kind == PingKind.FAILURE;
      results.publish(
          new CheckResult(
              new TaskId(target.urlId(), now),
              now,
              duration,
              null,
              failed ? FailureKind.REPORTED_FAILURE : null,
              failed ? PingMessages.fromBody(body) : null,
              null,
              null));
    }
    pings.get(kind).increment();
  }
}

package io.upwatch.localworker.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the local worker, bound from {@code upwatch.worker.*}, with their defaults here.
 * Durations take a unit ({@code 200ms}, {@code 60s}, {@code 7d}).
 *
 * @param consumerName this worker's name in the result stream's consumer group, unique per process;
 *     blank (the default): the host name ({@code HOSTNAME}) and a random suffix, new on every start
 * @param concurrency parallel ingestion loops ({@code LOCAL_WORKER_CONCURRENCY}); 1
 * @param scheduleTick pause between missed-ping passes (heartbeats) that found nothing due; 200 ms
 * @param scheduleBucket the scheduler hands out time in buckets of this width, each once it has
 *     ended: a check is handed out at most a bucket (plus a quarter of one, the pace at which
 *     passes look) after its slot; at most 1 s; 100 ms
 * @param scheduleLeaseTimeout a scheduler that holds the schedule cursor this long without a word
 *     to PostgreSQL (a frozen process, a vanished host) loses it, and another local worker hands
 *     out the time it held; longer than a publish to Redis can take; 10 s
 * @param claimBatch about how many checks one scheduling pass hands out while it is behind (after
 *     downtime), and most heartbeats claimed by one missed-ping pass; 2,000
 * @param taskStreamMaxLength approximate cap of the task stream in entries, so Redis memory stays
 *     bounded when no monitoring worker consumes; 1,000,000
 * @param ingestBatch most results stored by one ingestion pass; 1,000
 * @param ingestBlock how long an ingestion pass waits for new results; 1 s
 * @param reclaimIdle results held this long by a consumer that stopped are taken over; 60 s
 * @param checksRetention how long check rows are kept (whole daily partitions are dropped); 7 days
 * @param rollupRetention how long daily rollups (per URL and day) are kept; at least 400 days so a
 *     year's uptime can be compared with the year before; 400 days
 * @param maintenanceInterval time between maintenance passes (daily rollups, then partitions); 1 h
 * @param metricsInterval time between reads of the streams' length and backlog for the metrics; 10
 *     s
 * @param pingSettle how long after a heartbeat's deadline the missed-ping pass waits before judging
 *     it when the result stream's backlog cannot be read; otherwise it judges as soon as every ping
 *     that arrived before the deadline is stored (about half a second after it); 2 s
 * @param autostart false leaves every loop stopped (for tests that drive passes themselves); true
 */
@Validated
@ConfigurationProperties(prefix = "upwatch.worker")
public record WorkerProperties(
    String consumerName,
    @Min(1) @DefaultValue("1") int concurrency,
    @NotNull @DefaultValue("200ms") Duration scheduleTick,
    @NotNull @DefaultValue("100ms") Duration scheduleBucket,
    @NotNull @DefaultValue("10s") Duration scheduleLeaseTimeout,
    @Min(1) @DefaultValue("2000") int claimBatch,
    @Min(1000) @DefaultValue("1000000") long taskStreamMaxLength,
    @Min(1) @DefaultValue("1000") int ingestBatch,
    @NotNull @DefaultValue("1s") Duration ingestBlock,
    @NotNull @DefaultValue("60s") Duration reclaimIdle,
    @NotNull @DefaultValue("7d") Duration checksRetention,
    @NotNull @DefaultValue("400d") Duration rollupRetention,
    @NotNull @DefaultValue("1h") Duration maintenanceInterval,
    @NotNull @DefaultValue("10s") Duration metricsInterval,
    @NotNull @DefaultValue("2s") Duration pingSettle,
    @DefaultValue("true") boolean autostart) {

  public WorkerProperties {
    if (scheduleBucket.compareTo(Duration.ofMillis(10)) < 0
        || scheduleBucket.compareTo(Duration.ofSeconds(1)) > 0) {
      throw new IllegalArgumentException(
          "upwatch.worker.schedule-bucket must lie between 10ms and 1s: " + scheduleBucket);
    }
    if (consumerName == null || consumerName.isBlank()) {
      consumerName = defaultConsumerName();
    }
  }

  // Unique per process, so that a restarted worker never inherits a dead one's pending results.
  private static String defaultConsumerName() {
    String host = System.getenv("HOSTNAME");
    byte[] suffix = new byte[4];
    ThreadLocalRandom.current().nextBytes(suffix);
    return (host == null || host.isBlank() ? "local-worker" : host)
        + "-"
        + HexFormat.of().formatHex(suffix);
  }
}

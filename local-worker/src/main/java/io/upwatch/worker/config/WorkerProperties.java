package io.upwatch.worker.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the local worker, bound from {@code upwatch.worker.*}; defaults live in {@code
 * application.yml}.
 *
 * @param consumerName this worker's name in the result stream's consumer group (unique per process;
 *     defaults to host name and a random suffix)
 * @param concurrency parallel ingestion loops ({@code LOCAL_WORKER_CONCURRENCY})
 * @param scheduleTick pause between scheduling passes that found nothing due
 * @param claimBatch most URLs claimed by one scheduling pass
 * @param taskStreamMaxLength approximate cap of the task stream, so Redis memory stays bounded when
 *     no monitoring worker consumes
 * @param ingestBatch most results stored by one ingestion pass
 * @param ingestBlock how long an ingestion pass waits for new results
 * @param reclaimIdle results held this long by a consumer that stopped are taken over
 * @param checksRetention how long check rows are kept (whole daily partitions are dropped)
 * @param rollupRetention how long daily rollups (per URL and day) are kept; at least 400 days so a
 *     year's uptime can be compared with the year before
 * @param maintenanceInterval time between maintenance passes (daily rollups, then partitions)
 * @param metricsInterval time between reads of the streams' length and backlog for the metrics
 * @param autostart false leaves every loop stopped (for tests that drive passes themselves)
 */
@Validated
@ConfigurationProperties(prefix = "upwatch.worker")
public record WorkerProperties(
    @NotBlank String consumerName,
    @Min(1) int concurrency,
    @NotNull Duration scheduleTick,
    @Min(1) int claimBatch,
    @Min(1000) long taskStreamMaxLength,
    @Min(1) int ingestBatch,
    @NotNull Duration ingestBlock,
    @NotNull Duration reclaimIdle,
    @NotNull Duration checksRetention,
    @NotNull Duration rollupRetention,
    @NotNull Duration maintenanceInterval,
    @NotNull Duration metricsInterval,
    boolean autostart) {}

package io.upwatch.api.region;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * One region as the resource API shows it.
 *
 * @param name the region's label, as monitoring workers declare it ({@code MONITORING_REGION})
 * @param configured whether the deployment checks from it ({@code UPWATCH_REGIONS})
 * @param live whether it has at least one live monitoring worker, and so gets tasks
 * @param workers its live monitoring workers
 * @param lastSeenAt the latest report of any of its workers within the last day, or null
 */
public record RegionResponse(
    @Schema(example = "eu-west") String name,
    boolean configured,
    boolean live,
    @Schema(minimum = "0") int workers,
    @Schema(nullable = true) Instant lastSeenAt) {}

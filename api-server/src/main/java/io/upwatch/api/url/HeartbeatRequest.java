package io.upwatch.api.url;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The settings of a heartbeat monitor (kind HEARTBEAT). A heartbeat is down when no ping arrives
 * within its period plus grace after the previous one.
 *
 * @param periodSeconds how often the job pings, e.g. 3600 for an hourly cron job (10 s to 30 days);
 *     required when registering
 * @param graceSeconds how much later than the period a ping may come, to allow for a slow run
 *     (0-86400, default 60)
 */
@Schema(
    example =
        """
        {"periodSeconds": 3600, "graceSeconds": 300}""")
public record HeartbeatRequest(
    @Min(10) @Max(2592000) Integer periodSeconds, @Min(0) @Max(86400) Integer graceSeconds) {}

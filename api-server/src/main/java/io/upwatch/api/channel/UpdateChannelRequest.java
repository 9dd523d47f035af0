package io.upwatch.api.channel;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * Changes to a channel; absent fields stay as they are. The type cannot change.
 *
 * @param name a new name: printable text without control characters or surrounding spaces
 * @param target a new target, valid for the channel's type
 * @param secret a new webhook signing secret (16-256 characters)
 * @param urlIds the URLs it is for from now on; empty: all of them
 * @param enabled false pauses it, true resumes it
 */
@Schema(
    example =
        """
    {"target": "https://hooks.example.com/upwatch-ops", "enabled": false}""")
public record UpdateChannelRequest(
    @Size(min = 1, max = 64) @Pattern(regexp = ChannelNames.PATTERN, message = ChannelNames.MESSAGE)
        String name,
    @Size(min = 1, max = 2048) String target,
    @Size(min = 16, max = 256) String secret,
    @Size(max = 1000) Set<@NotNull @Positive Long> urlIds,
    Boolean enabled) {}

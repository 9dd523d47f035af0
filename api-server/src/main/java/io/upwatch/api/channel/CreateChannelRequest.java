package io.upwatch.api.channel;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * A new notification channel.
 *
 * @param name printable text without control characters or surrounding spaces; unique among the
 *     caller's channels
 * @param type {@code webhook}, {@code slack} or {@code email}, case-insensitive
 * @param target the webhook URL (http or https), the Slack incoming-webhook URL (https) or the
 *     email address
 * @param secret webhook only, required: the key of the HMAC-SHA256 signature (16-256 characters);
 *     write-only
 * @param urlIds the caller's URLs this channel is for; empty or absent: all of them, new ones too
 * @param enabled false to create it paused (default true)
 */
@Schema(
    example =
        """
        {"name": "Ops webhook", "type": "webhook",
         "target": "https://hooks.example.com/upwatch", "secret": "a-signing-secret-of-at-least-16",
         "urlIds": [1, 2]}""")
public record CreateChannelRequest(
    @NotBlank
        @Size(max = 64)
        @Pattern(regexp = ChannelNames.PATTERN, message = ChannelNames.MESSAGE)
        String name,
    // The flag instead of an inline (?i): the OpenAPI document copies the pattern, and linters
    // and clients read it as an ECMA regex, which has no inline flags.
    @NotBlank
        @Pattern(
            regexp = "webhook|slack|email",
            flags = Pattern.Flag.CASE_INSENSITIVE,
            message = "must be webhook, slack or email")
        @Schema(allowableValues = {"webhook", "slack", "email"})
        String type,
    @NotBlank @Size(max = 2048) String target,
    @Size(min = 16, max = 256) String secret,
    @Size(max = 1000) Set<@NotNull @Positive Long> urlIds,
    Boolean enabled) {}

package io.upwatch.api.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the API server, bound from {@code upwatch.api.*}. Defaults live in {@code
 * application.yml}; the original's names ({@code JWT_SECRET}, {@code MAX_URL_COUNT}, {@code
 * DEFAULT_RESET_TIME}, {@code POPULATE_URL_COUNT}) are aliases.
 *
 * @param jwt token signing and lifetime
 * @param maxUrlCount how many URLs one user may register ({@code MAX_URL_COUNT})
 * @param maxChannelCount how many notification channels one user may have
 * @param defaultInterval check interval of a URL registered without one
 * @param defaultTimeout total check deadline of a URL registered without one
 * @param defaultFailureWindow trailing window in which failures are counted ({@code
 *     DEFAULT_RESET_TIME})
 * @param statsRetention how far back checks can be listed and stats count raw checks (the checks
 *     retention); longer stats windows, up to 400 days, come from the daily rollups
 * @param maxRequestBody the largest request body accepted
 * @param loginThrottle limits on failed logins
 * @param populate experiment data created at start
 */
@Validated
@ConfigurationProperties(prefix = "upwatch.api")
public record ApiProperties(
    @Valid @NotNull Jwt jwt,
    @Min(0) int maxUrlCount,
    @Min(0) int maxChannelCount,
    @NotNull Duration defaultInterval,
    @NotNull Duration defaultTimeout,
    @NotNull Duration defaultFailureWindow,
    @NotNull Duration statsRetention,
    @NotNull DataSize maxRequestBody,
    @Valid @NotNull LoginThrottle loginThrottle,
    @Valid @NotNull Populate populate) {

  /**
   * JWT settings.
   *
   * @param secret the HS256 key, at least 32 bytes ({@code JWT_SECRET}); required unless dev mode
   * @param devMode when true and no secret is set, a random one is generated (single replica only)
   * @param tokenLifetime how long an issued token is valid
   */
  public record Jwt(String secret, boolean devMode, @NotNull Duration tokenLifetime) {}

  /**
   * Failed-login limits, counted in Redis so that every replica sees them.
   *
   * @param maxFailuresPerAccount failures of one username before it is locked for the window
   * @param maxFailuresPerAddress failures from one client address before it is locked
   * @param window the sliding window in which failures are counted; also the longest a lock lasts
   */
  public record LoginThrottle(
      @Min(1) int maxFailuresPerAccount, @Min(1) int maxFailuresPerAddress, Duration window) {}

  /**
   * Experiment data ({@code POPULATE_URL_COUNT}).
   *
   * @param urlCount when positive, a {@code root} user with this many URLs is created once
   * @param urlTemplate the URL of each created entry; {@code {n}} is replaced by its number
   * @param rootPassword the root user's password; a random one is generated and logged if blank
   */
  public record Populate(@Min(0) int urlCount, String urlTemplate, String rootPassword) {}
}

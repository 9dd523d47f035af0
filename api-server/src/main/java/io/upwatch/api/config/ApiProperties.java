package io.upwatch.api.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the API server, bound from {@code upwatch.api.*}, with their defaults here. The
 * original's names ({@code JWT_SECRET}, {@code MAX_URL_COUNT}, {@code DEFAULT_RESET_TIME}, {@code
 * POPULATE_URL_COUNT}) are aliases. Durations take a unit ({@code 60s}, {@code 5m}, {@code 7d}).
 *
 * @param jwt token signing and lifetime
 * @param maxUrlCount how many URLs one user may register ({@code MAX_URL_COUNT}); 10
 * @param maxChannelCount how many notification channels one user may have; 20
 * @param defaultInterval check interval of a URL registered without one; 60 s
 * @param defaultTimeout total check deadline of a URL registered without one; 10 s
 * @param defaultFailureWindow trailing window in which failures are counted ({@code
 *     DEFAULT_RESET_TIME}); 5 min
 * @param statsRetention how far back checks can be listed and stats count raw checks (the checks
 *     retention); longer stats windows, up to 400 days, come from the daily rollups; 7 days
 * @param maxRequestBody the largest request body accepted, in bytes ({@code 64KB}); 64 KiB
 * @param loginThrottle limits on failed logins
 * @param populate experiment data created at start
 * @param publicUrl the base URL users reach this API at (e.g. {@code https://upwatch.example.com}),
 *     from which heartbeat ping URLs are built; when empty, the base of the request being answered
 * @param heartbeat heartbeat monitors and their pings
 */
@Validated
@ConfigurationProperties(prefix = "upwatch.api")
public record ApiProperties(
    @Valid @NotNull @DefaultValue Jwt jwt,
    @Min(0) @DefaultValue("10") int maxUrlCount,
    @Min(0) @DefaultValue("20") int maxChannelCount,
    @NotNull @DefaultValue("60s") Duration defaultInterval,
    @NotNull @DefaultValue("10s") Duration defaultTimeout,
    @NotNull @DefaultValue("5m") Duration defaultFailureWindow,
    @NotNull @DefaultValue("7d") Duration statsRetention,
    @NotNull @DefaultValue("64KB") DataSize maxRequestBody,
    @Valid @NotNull @DefaultValue LoginThrottle loginThrottle,
    @Valid @NotNull @DefaultValue Populate populate,
    @NotNull @DefaultValue("") String publicUrl,
    @Valid @NotNull @DefaultValue Heartbeat heartbeat) {

  /**
   * JWT settings.
   *
   * @param secret the HS256 key, at least 32 bytes ({@code JWT_SECRET}); required unless dev mode
   * @param devMode when true and no secret is set, a random one is generated (single replica only;
   *     {@code UPWATCH_DEV_MODE}); false
   * @param tokenLifetime how long an issued token is valid; 72 h
   */
  public record Jwt(
      String secret,
      @DefaultValue("false") boolean devMode,
      @NotNull @DefaultValue("72h") Duration tokenLifetime) {}

  /**
   * Failed-login limits, counted in Redis so that every replica sees them.
   *
   * @param maxFailuresPerAccount failures of one username before it is locked for the window; 5
   * @param maxFailuresPerAddress failures from one client address before it is locked; 20
   * @param window the sliding window in which failures are counted; also the longest a lock lasts;
   *     15 min
   */
  public record LoginThrottle(
      @Min(1) @DefaultValue("5") int maxFailuresPerAccount,
      @Min(1) @DefaultValue("20") int maxFailuresPerAddress,
      @NotNull @DefaultValue("15m") Duration window) {}

  /**
   * Experiment data ({@code POPULATE_URL_COUNT}).
   *
   * @param urlCount when positive, a {@code root} user with this many URLs is created once; 0
   * @param urlTemplate the URL of each created entry; {@code {n}} is replaced by its number
   * @param rootPassword the root user's password ({@code POPULATE_ROOT_PASSWORD}); a random one is
   *     generated and logged if blank
   */
  public record Populate(
      @Min(0) @DefaultValue("0") int urlCount,
      @NotBlank @DefaultValue("http://localhost/{n}") String urlTemplate,
      String rootPassword) {}

  /**
   * Heartbeat monitors.
   *
   * @param defaultGrace how late a ping may come when a heartbeat is registered without a grace; 60
   *     s
   * @param tokenCacheTtl how long a ping token's monitor (or its absence) is remembered: a rotated
   *     or deleted token may keep working on other replicas this long; 60 s
   * @param tokenCacheSize most ping tokens remembered per replica; 100,000
   * @param startTtl how long a /start ping waits for its success or failure ping to measure the
   *     run's duration; 24 h
   * @param resultsMaxLength approximate cap of the result stream when publishing pings (as the
   *     monitoring workers' {@code upwatch.monitoring.results-max-length}); 1,000,000
   */
  public record Heartbeat(
      @NotNull @DefaultValue("60s") Duration defaultGrace,
      @NotNull @DefaultValue("60s") Duration tokenCacheTtl,
      @Min(1) @DefaultValue("100000") long tokenCacheSize,
      @NotNull @DefaultValue("24h") Duration startTtl,
      @Min(1000) @DefaultValue("1000000") long resultsMaxLength) {}
}

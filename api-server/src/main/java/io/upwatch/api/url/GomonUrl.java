package io.upwatch.api.url;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A monitored URL in the original's field names (a GORM model: {@code ID}, {@code Name}, {@code
 * Threshold} as a string, {@code ResetTime} in seconds).
 */
public record GomonUrl(
    @JsonProperty("ID") long id,
    @JsonProperty("CreatedAt") Instant createdAt,
    @JsonProperty("UpdatedAt") Instant updatedAt,
    @JsonProperty("DeletedAt") Instant deletedAt,
    @JsonProperty("Name") String name,
    @JsonProperty("Url") String url,
    @JsonProperty("Threshold") String threshold,
    @JsonProperty("Username") String username,
    @JsonProperty("ResetTime") long resetTime) {

  public static GomonUrl from(MonitoredUrl url, String username) {
    return new GomonUrl(
        url.getId(),
        url.getCreatedAt(),
        url.getUpdatedAt(),
        null,
        url.getName(),
        url.getUrl(),
        Integer.toString(url.getThreshold()),
        username,
        url.getFailureWindow().toSeconds());
  }
}

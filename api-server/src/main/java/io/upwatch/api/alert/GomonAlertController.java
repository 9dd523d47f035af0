package io.upwatch.api.alert;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.upwatch.api.security.CurrentUser;
import io.upwatch.api.url.GomonUrl;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The original's {@code POST /alert/alerts}: the alerts of a named URL. */
@RestController
@Tag(name = "gomon compatibility")
class GomonAlertController {

  private final AlertService alerts;

  GomonAlertController(AlertService alerts) {
    this.alerts = alerts;
  }

  @Operation(
      operationId = "gomonListAlerts",
      summary = "List a named URL's alerts (gomon)",
      description = "The original's alert listing: the alerts of the caller's URL of that name.")
  @ApiResponse(responseCode = "200", description = "The URL's alerts, newest first.")
  @ApiResponse(responseCode = "404", description = "The caller has no URL of that name.")
  @PostMapping("/alert/alerts")
  List<GomonAlert> alerts(CurrentUser user, @Valid @RequestBody AlertsRequest request) {
    var found = alerts.ofUrlNamed(user.id(), request.urlname());
    GomonUrl url = GomonUrl.from(found.url(), user.username());
    return found.alerts().stream().map(alert -> GomonAlert.from(alert, url)).toList();
  }

  /**
   * The original's alerts body.
   *
   * @param urlname the URL's name
   */
  @Schema(
      example =
          """
      {"urlname": "homepage"}""")
  record AlertsRequest(@NotBlank @Size(max = 64) String urlname) {}

  /** An alert in the original's field names ({@code Time} is the opening, in Unix seconds). */
  record GomonAlert(
      @JsonProperty("ID") long id,
      @JsonProperty("CreatedAt") Instant createdAt,
      @JsonProperty("UpdatedAt") Instant updatedAt,
      @JsonProperty("DeletedAt") Instant deletedAt,
      @JsonProperty("Time") long time,
      @JsonProperty("Url") GomonUrl url,
      @JsonProperty("UrlID") long urlId,
      @JsonProperty("ResolvedAt") Instant resolvedAt,
      @JsonProperty("FailureCount") int failureCount) {

    static GomonAlert from(Alert alert, GomonUrl url) {
      Instant updated = alert.isOpen() ? alert.getOpenedAt() : alert.getResolvedAt();
      return new GomonAlert(
          alert.getId(),
          alert.getOpenedAt(),
          updated,
          null,
          alert.getOpenedAt().getEpochSecond(),
          url,
          alert.getUrlId(),
          alert.getResolvedAt(),
          alert.getFailureCount());
    }
  }
}

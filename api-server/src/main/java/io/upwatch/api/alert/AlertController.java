package io.upwatch.api.alert;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.upwatch.api.security.CurrentUser;
import io.upwatch.api.web.PageResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Alerts of the caller's URLs: all of them, or one URL's. */
@RestController
@Tag(name = "Alerts")
class AlertController {

  private final AlertService alerts;

  AlertController(AlertService alerts) {
    this.alerts = alerts;
  }

  @Operation(
      operationId = "listAlerts",
      summary = "List the alerts of all the caller's URLs",
      description = "One page of alerts, newest first; `state=open` leaves out resolved ones.")
  @GetMapping("/api/v1/alerts")
  PageResponse<AlertResponse> all(
      CurrentUser user,
      @RequestParam(defaultValue = "all") @Pattern(regexp = "all|open") String state,
      @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return PageResponse.from(
        alerts.ofUser(user.id(), state.equals("open"), newestFirst(page, size)),
        AlertResponse::from);
  }

  @Operation(
      operationId = "listUrlAlerts",
      summary = "List a URL's alerts",
      description = "One page of the URL's alerts, newest first.")
  @GetMapping("/api/v1/urls/{id}/alerts")
  PageResponse<AlertResponse> ofUrl(
      CurrentUser user,
      @PathVariable long id,
      @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return PageResponse.from(
        alerts.ofUrl(user.id(), id, newestFirst(page, size)), AlertResponse::from);
  }

  private static Pageable newestFirst(int page, int size) {
    return PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "openedAt", "id"));
  }
}

package io.upwatch.api.check;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.upwatch.api.security.CurrentUser;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Stats and recent checks of one of the caller's URLs. */
@RestController
@RequestMapping("/api/v1/urls/{id}")
@Tag(name = "Checks and stats")
class CheckController {

  private final CheckService checks;

  CheckController(CheckService checks) {
    this.checks = checks;
  }

  @Operation(
      operationId = "getUrlStats",
      summary = "Count a URL's outcomes",
      description =
          "Successes, failures and latency over `window` (default 24h; e.g. 1h, 90m, 7d, 90d,"
              + " PT6H; from 1m to 400d), with each region's own figures in `regions`. The counts"
              + " are of slots: a URL checked from several regions has a check per region and"
              + " slot, and a slot is down when at least `quorum` of its regions failed it (with"
              + " one region, every failed check). `region` counts that region's checks alone."
              + " Windows within the raw retention (7 days) count every check; longer ones cover"
              + " whole UTC days (30d: today and the 29 days before) from the daily rollups, with"
              + " latency percentiles approximated as the means of the daily percentiles weighted"
              + " by responses.")
  @ApiResponse(responseCode = "200", description = "The URL's figures.")
  @ApiResponse(
      responseCode = "400",
      description = "`window` is invalid, or `region` is not a region of the deployment.")
  @GetMapping("/stats")
  UrlStats stats(
      CurrentUser user,
      @PathVariable long id,
      @Parameter(
              description = "How far back to count, e.g. 1h, 90m, 7d, 90d or PT6H.",
              example = "24h")
          @RequestParam(required = false)
          String window,
      @Parameter(
              description = "Only this region's checks (one of UPWATCH_REGIONS).",
              example = "eu")
          @RequestParam(required = false)
          String region) {
    return checks.stats(user.id(), id, checks.parseWindow(window), region);
  }

  @Operation(
      operationId = "listRecentChecks",
      summary = "List a URL's recent checks",
      description =
          "The URL's last `limit` checks, newest first: one per region and slot for a URL checked"
              + " from several regions, or only `region`'s.")
  @ApiResponse(responseCode = "200", description = "The checks.")
  @ApiResponse(
      responseCode = "400",
      description = "`limit` is out of range, or `region` is not a region of the deployment.")
  @GetMapping("/checks")
  List<CheckResponse> recent(
      CurrentUser user,
      @PathVariable long id,
      @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int limit,
      @Parameter(
              description = "Only this region's checks (one of UPWATCH_REGIONS).",
              example = "eu")
          @RequestParam(required = false)
          String region) {
    return checks.recent(user.id(), id, limit, region);
  }
}

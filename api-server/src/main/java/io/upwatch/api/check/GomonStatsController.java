package io.upwatch.api.check;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.upwatch.api.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The original's {@code POST /url/stats}: successes and failures of a named URL over 24 h. */
@RestController
@Tag(name = "gomon compatibility")
class GomonStatsController {

  private final CheckService checks;

  GomonStatsController(CheckService checks) {
    this.checks = checks;
  }

  @Operation(
      operationId = "gomonUrlStats",
      summary = "Count a named URL's outcomes (gomon)",
      description =
          "The original's stats: successes and failures of the caller's URL of that name over"
              + " the last 24 hours.")
  @ApiResponse(responseCode = "200", description = "The counts.")
  @ApiResponse(responseCode = "404", description = "The caller has no URL of that name.")
  @PostMapping("/url/stats")
  Map<String, Long> stats(CurrentUser user, @Valid @RequestBody StatsRequest request) {
    var stats = checks.statsByName(user.id(), request.name(), CheckService.DEFAULT_WINDOW);
    return Map.of("successes", stats.successes(), "failures", stats.failures());
  }

  /**
   * The original's stats body.
   *
   * @param name the URL's name
   */
  @Schema(
      example =
          """
      {"name": "homepage"}""")
  record StatsRequest(@NotBlank @Size(max = 64) String name) {}
}

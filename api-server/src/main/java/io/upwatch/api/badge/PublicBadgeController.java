package io.upwatch.api.badge;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.upwatch.api.web.PublicCaching;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public SVG badges for READMEs, behind the URL's badge token: no sign-in, cacheable for 60 s with
 * an ETag. An unknown, rotated or revoked token answers 404 problem+json (image proxies show it as
 * a broken image, which is what a revoked badge should look like).
 */
@RestController
@RequestMapping("/badge/{token}")
@Tag(name = "Badges")
@SecurityRequirements
class PublicBadgeController {

  static final String SVG = "image/svg+xml";
  private static final MediaType SVG_TYPE = MediaType.parseMediaType(SVG);

  /** An SVG may carry script; a badge has none and loads nothing. */
  static final String CSP = "default-src 'none'; style-src 'unsafe-inline'";

  private final BadgeFigures figures;

  PublicBadgeController(BadgeFigures figures) {
    this.figures = figures;
  }

  @Operation(
      operationId = "getStatusBadge",
      summary = "Status badge",
      description = "The URL's state now: up, down (its alert is open), paused or no data.")
  @BadgeResponses
  @GetMapping("/status.svg")
  ResponseEntity<String> status(@PathVariable String token) {
    return svg(figures.status(token));
  }

  @Operation(
      operationId = "getUptimeBadge",
      summary = "Uptime badge",
      description =
          "The URL's uptime over `window`: 24h and 7d from every check, 30d and 90d over whole"
              + " UTC days from the daily rollups and today's checks.")
  @BadgeResponses
  @GetMapping("/uptime.svg")
  ResponseEntity<String> uptime(
      @PathVariable String token,
      @Parameter(
              description = "The window.",
              schema = @Schema(allowableValues = {"24h", "7d", "30d", "90d"}))
          @RequestParam(defaultValue = "30d")
          String window) {
    return svg(figures.uptime(token, window));
  }

  @Operation(
      operationId = "getResponseTimeBadge",
      summary = "Response time badge",
      description = "The URL's median response time over the last 24 hours.")
  @BadgeResponses
  @GetMapping("/response-time.svg")
  ResponseEntity<String> responseTime(@PathVariable String token) {
    return svg(figures.responseTime(token));
  }

  private static ResponseEntity<String> svg(Badge badge) {
    return ResponseEntity.ok()
        .contentType(SVG_TYPE)
        .cacheControl(PublicCaching.BADGE_CACHE)
        .header("Content-Security-Policy", CSP)
        .body(badge.svg());
  }

  /** The answers every badge shares. */
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @ApiResponse(
      responseCode = "200",
      description = "The badge.",
      content = @Content(mediaType = SVG, schema = @Schema(type = "string")))
  @ApiResponse(
      responseCode = "404",
      description = "No badge has this token (never issued, rotated or revoked).")
  @interface BadgeResponses {}
}

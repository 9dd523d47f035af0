package io.upwatch.api.status;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.upwatch.api.web.PublicCaching;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Public status pages, read without sign-in: HTML rendered on the server (no script, a stylesheet
 * of its own, dark mode from the system) and the same figures as JSON.
 */
@Controller
@Tag(name = "Public status")
@SecurityRequirements
class PublicStatusController {

  /** Nothing but the page's own stylesheet may load; no script, no frames, no forms. */
  static final String CSP =
      "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none';"
          + " frame-ancestors 'none'";

  private final PublicStatusService statuses;

  PublicStatusController(PublicStatusService statuses) {
    this.statuses = statuses;
  }

  @Operation(
      operationId = "getPublicStatusPage",
      summary = "Read a status page (HTML)",
      description =
          "The published page: overall state, each monitor's state, a 90-day uptime bar (one"
              + " segment per UTC day, today live) and the incidents of the last 14 days. No"
              + " sign-in. Cacheable for 30 s; send `If-None-Match` with the `ETag` to get 304.")
  @ApiResponse(
      responseCode = "200",
      description = "The page.",
      content = @Content(mediaType = "text/html", schema = @Schema(type = "string")))
  @ApiResponse(responseCode = "404", description = "No page has this slug.")
  @GetMapping("/status/{slug}")
  String page(@PathVariable String slug, Model model, HttpServletResponse response) {
    model.addAttribute("status", statuses.read(checked(slug)));
    response.setHeader(HttpHeaders.CACHE_CONTROL, PublicCaching.STATUS_CACHE.getHeaderValue());
    response.setHeader("Content-Security-Policy", CSP);
    return "public/status-page";
  }

  @Operation(
      operationId = "getPublicStatus",
      summary = "Read a status page (JSON)",
      description =
          "The figures of the published page at `/status/{slug}`, as JSON. No sign-in. Cacheable"
              + " for 30 s; send `If-None-Match` with the `ETag` to get 304.")
  @ApiResponse(
      responseCode = "200",
      description = "The page's figures.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(implementation = PublicStatus.class)))
  @ApiResponse(responseCode = "404", description = "No page has this slug.")
  @ApiResponse(responseCode = "406", description = "The `Accept` header excludes JSON.")
  // No produces condition: with one, a request that does not accept JSON fell through to the HTML
  // route as the slug "{slug}.json" and was told the page does not exist.
  @GetMapping("/status/{slug}.json")
  ResponseEntity<PublicStatus> json(@PathVariable String slug) {
    return ResponseEntity.ok()
        .cacheControl(PublicCaching.STATUS_CACHE)
        .header("Content-Security-Policy", CSP)
        .body(statuses.read(checked(slug)));
  }

  // Not a possible slug: no page has it, and no query is needed to say so.
  private static String checked(String slug) {
    if (!slug.matches(StatusPageRequest.SLUG)) {
      throw new StatusPageNotFound();
    }
    return slug;
  }
}

package io.upwatch.api.status;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.upwatch.api.security.CurrentUser;
import io.upwatch.api.web.CreatedWithLocation;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's public status pages. */
@RestController
@RequestMapping("/api/v1/status-pages")
@Tag(name = "Status pages")
class StatusPageController {

  private static final String CONFLICT =
      "Another page has this slug (`slug-taken`), or the caller has as many pages as allowed"
          + " (`status-page-limit-reached`, 20).";

  private final StatusPageService pages;

  StatusPageController(StatusPageService pages) {
    this.pages = pages;
  }

  @Operation(
      operationId = "createStatusPage",
      summary = "Publish a status page",
      description =
          "Publishes the chosen URLs at `/status/{slug}` for anyone, without sign-in: display"
              + " names, current state, 90 days of daily uptime and recent incidents. A URL's"
              + " address is shown only when `showTarget` is true; nothing else of the caller's"
              + " is.")
  @CreatedWithLocation
  @ApiResponse(responseCode = "409", description = CONFLICT)
  @PostMapping
  ResponseEntity<StatusPageResponse> create(
      CurrentUser user, @Valid @RequestBody StatusPageRequest request) {
    var page = pages.create(user.id(), request);
    return ResponseEntity.created(URI.create("/api/v1/status-pages/" + page.getId()))
        .body(StatusPageResponse.from(page));
  }

  @Operation(
      operationId = "listStatusPages",
      summary = "List the caller's status pages",
      description = "All of the caller's status pages with their monitors.")
  @GetMapping
  List<StatusPageResponse> list(CurrentUser user) {
    return pages.list(user.id()).stream().map(StatusPageResponse::from).toList();
  }

  @Operation(
      operationId = "getStatusPage",
      summary = "Get a status page",
      description = "One of the caller's status pages.")
  @GetMapping("/{id}")
  StatusPageResponse get(CurrentUser user, @PathVariable long id) {
    return StatusPageResponse.from(pages.get(user.id(), id));
  }

  @Operation(
      operationId = "replaceStatusPage",
      summary = "Change a status page",
      description =
          "Replaces the page's slug, title and monitors. A new slug takes effect at once; the old"
              + " address answers 404.")
  @ApiResponse(responseCode = "200", description = "Changed.")
  @ApiResponse(responseCode = "409", description = "Another page has this slug (`slug-taken`).")
  @PutMapping("/{id}")
  StatusPageResponse replace(
      CurrentUser user, @PathVariable long id, @Valid @RequestBody StatusPageRequest request) {
    return StatusPageResponse.from(pages.replace(user.id(), id, request));
  }

  @Operation(
      operationId = "deleteStatusPage",
      summary = "Delete a status page",
      description = "Unpublishes the page: its address answers 404.")
  @ApiResponse(responseCode = "204", description = "Deleted.")
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(CurrentUser user, @PathVariable long id) {
    pages.delete(user.id(), id);
    return ResponseEntity.noContent().build();
  }
}

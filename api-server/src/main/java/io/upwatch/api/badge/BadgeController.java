package io.upwatch.api.badge;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.upwatch.api.security.CurrentUser;
import io.upwatch.api.url.UrlNotFound;
import io.upwatch.api.url.UrlService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Issues, rotates and revokes the badge token of one of the caller's URLs. */
@RestController
@RequestMapping("/api/v1/urls/{id}/badge")
@Tag(name = "Badges")
class BadgeController {

  private final UrlService urls;
  private final BadgeTokens tokens;

  BadgeController(UrlService urls, BadgeTokens tokens) {
    this.urls = urls;
    this.tokens = tokens;
  }

  @Operation(
      operationId = "issueBadgeToken",
      summary = "Create or rotate a URL's badge token",
      description =
          "Issues an unguessable token (192 random bits) for the URL's public SVG badges and"
              + " answers the badge addresses. The token is shown only now; issuing again rotates"
              + " it, and the earlier token's badges answer 404 from then on.")
  @ApiResponse(responseCode = "201", description = "Created: the URL had no badge token.")
  @ApiResponse(responseCode = "200", description = "Rotated: the earlier token no longer works.")
  @PostMapping
  ResponseEntity<BadgeResponse> issue(CurrentUser user, @PathVariable long id) {
    var issued = tokens.issue(user.id(), id).orElseThrow(UrlNotFound::new);
    String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    return ResponseEntity.status(issued.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(BadgeResponse.of(base, issued.token()));
  }

  @Operation(
      operationId = "revokeBadgeToken",
      summary = "Revoke a URL's badge token",
      description = "Its badges answer 404 from now on. Succeeds also when there was none.")
  @ApiResponse(responseCode = "204", description = "Revoked.")
  @DeleteMapping
  ResponseEntity<Void> revoke(CurrentUser user, @PathVariable long id) {
    tokens.revoke(urls.get(user.id(), id).getId());
    return ResponseEntity.noContent().build();
  }
}

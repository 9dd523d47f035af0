package io.upwatch.api.url;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.upwatch.api.security.CurrentUser;
import io.upwatch.api.web.PageResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's monitored URLs as a resource. */
@RestController
@RequestMapping("/api/v1/urls")
@Tag(name = "URLs")
class UrlController {

  private final UrlService urls;

  UrlController(UrlService urls) {
    this.urls = urls;
  }

  @PostMapping
  ResponseEntity<UrlResponse> register(
      CurrentUser user, @Valid @RequestBody RegisterUrlRequest request) {
    var url = urls.register(user.id(), request);
    return ResponseEntity.created(URI.create("/api/v1/urls/" + url.getId()))
        .body(UrlResponse.from(url));
  }

  @GetMapping
  PageResponse<UrlResponse> list(
      CurrentUser user,
      @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    var pageable = PageRequest.of(page, size, Sort.by("id"));
    return PageResponse.from(urls.list(user.id(), pageable), UrlResponse::from);
  }

  @GetMapping("/{id}")
  UrlResponse get(CurrentUser user, @PathVariable long id) {
    return UrlResponse.from(urls.get(user.id(), id));
  }

  @PatchMapping("/{id}")
  UrlResponse update(
      CurrentUser user, @PathVariable long id, @Valid @RequestBody UpdateUrlRequest request) {
    return UrlResponse.from(urls.update(user.id(), id, request));
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(CurrentUser user, @PathVariable long id) {
    urls.delete(user.id(), id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/pause")
  UrlResponse pause(CurrentUser user, @PathVariable long id) {
    return UrlResponse.from(urls.setEnabled(user.id(), id, false));
  }

  @PostMapping("/{id}/resume")
  UrlResponse resume(CurrentUser user, @PathVariable long id) {
    return UrlResponse.from(urls.setEnabled(user.id(), id, true));
  }
}

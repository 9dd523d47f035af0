package io.upwatch.api.url;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.upwatch.api.security.CurrentUser;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The original's {@code /url/register-url} and {@code /url/urls}. Like the original, a threshold
 * that can never be exceeded is accepted (and logged); {@code /api/v1} refuses it.
 */
@RestController
@RequestMapping("/url")
@Tag(name = "gomon-compatible")
class GomonUrlController {

  private final UrlService urls;

  GomonUrlController(UrlService urls) {
    this.urls = urls;
  }

  @PostMapping("/register-url")
  @ResponseStatus(HttpStatus.CREATED)
  GomonUrl register(CurrentUser user, @Valid @RequestBody RegisterUrlRequest request) {
    return GomonUrl.from(urls.registerLeniently(user.id(), request), user.username());
  }

  @GetMapping("/urls")
  List<GomonUrl> list(CurrentUser user) {
    return urls.listAll(user.id()).stream()
        .map(url -> GomonUrl.from(url, user.username()))
        .toList();
  }
}

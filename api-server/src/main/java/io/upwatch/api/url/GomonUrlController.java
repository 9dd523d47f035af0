package io.upwatch.api.url;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
@Tag(name = "gomon compatibility")
class GomonUrlController {

  private final UrlService urls;

  GomonUrlController(UrlService urls) {
    this.urls = urls;
  }

  @Operation(
      operationId = "gomonRegisterUrl",
      summary = "Register a URL to monitor (gomon)",
      description =
          "The original's registration: like POST /api/v1/urls, but a threshold that can never"
              + " be exceeded is accepted, and the URL is answered in gomon's field names.")
  @ApiResponse(responseCode = "201", description = "Registered.")
  @ApiResponse(
      responseCode = "400",
      description =
          "The input is invalid (`errors` names the fields) or the caller has reached the URL"
              + " limit (`url-limit-reached`).")
  @ApiResponse(responseCode = "409", description = "The caller already has a URL of that name.")
  @PostMapping("/register-url")
  @ResponseStatus(HttpStatus.CREATED)
  GomonUrl register(CurrentUser user, @Valid @RequestBody RegisterUrlRequest request) {
    return GomonUrl.from(urls.registerLeniently(user.id(), request), user.username());
  }

  @Operation(
      operationId = "gomonListUrls",
      summary = "List the caller's URLs (gomon)",
      description = "All of the caller's URLs in gomon's field names.")
  @GetMapping("/urls")
  List<GomonUrl> list(CurrentUser user) {
    return urls.listAll(user.id()).stream()
        .map(url -> GomonUrl.from(url, user.username()))
        .toList();
  }
}

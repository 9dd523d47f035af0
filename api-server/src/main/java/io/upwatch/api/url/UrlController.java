package io.upwatch.api.url;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.upwatch.api.heartbeat.PingUrls;
import io.upwatch.api.security.CurrentUser;
import io.upwatch.api.web.CreatedWithLocation;
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
  private final PingUrls pingUrls;
  private final MonitorRegions regions;

  UrlController(UrlService urls, PingUrls pingUrls, MonitorRegions regions) {
    this.urls = urls;
    this.pingUrls = pingUrls;
    this.regions = regions;
  }

  @Operation(
      operationId = "registerUrl",
      summary = "Register a URL to monitor",
      description =
          "Starts checking the URL at its interval. An alert opens when more than `threshold`"
              + " checks fail within the failure window; a rule that could never fire (a"
              + " threshold above the checks that fit in the window) is refused with"
              + " `maxReachableThreshold`. `kind` (default HTTP) chooses what is checked: an"
              + " http(s) URL with optional `http` settings (method, secret headers, body,"
              + " redirects, accepted statuses, assertions, certificate expiry threshold), a TCP"
              + " port (`tcp://host:port`), a DNS name with optional `dns` record type and"
              + " expected answer, or nothing (`HEARTBEAT`): its job pings the returned"
              + " `heartbeat.pingUrl`, and each period plus grace without a ping is a failed check"
              + " (NO_PING). `regions` (default: every region of the deployment) and `quorum`"
              + " (default: a majority of them) choose where it is checked from and how many"
              + " regions must be in breach at once for an alert.")
  @CreatedWithLocation
  @ApiResponse(
      responseCode = "400",
      description =
          "The input is invalid (`errors` names the fields), the alert rule can never fire"
              + " (`maxReachableThreshold`), or the caller has reached the URL limit"
              + " (`url-limit-reached`).")
  @ApiResponse(responseCode = "409", description = "The caller already has a URL of that name.")
  @PostMapping
  ResponseEntity<UrlResponse> register(
      CurrentUser user,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      examples = {
                        @ExampleObject(
                            name = "http",
                            summary = "An HTTP check every minute",
                            value =
                                """
                                {"name": "homepage", "url": "https://example.com/", "threshold": 3,
                                 "intervalSeconds": 60}"""),
                        @ExampleObject(
                            name = "regions",
                            summary = "Checked from three regions, alerting when two agree",
                            value =
                                """
                                {"name": "shop", "url": "https://shop.example/", "threshold": 2,
                                 "regions": ["eu", "us", "ap"], "quorum": 2}"""),
                        @ExampleObject(
                            name = "heartbeat",
                            summary = "An hourly cron job, alerting on the first missed run",
                            value =
                                """
                                {"name": "nightly-backup", "kind": "HEARTBEAT",
                                 "heartbeat": {"periodSeconds": 3600, "graceSeconds": 300}}""")
                      }))
          @Valid
          @RequestBody
          RegisterUrlRequest request) {
    var url = urls.register(user.id(), request);
    return ResponseEntity.created(URI.create("/api/v1/urls/" + url.getId())).body(response(url));
  }

  @Operation(
      operationId = "listUrls",
      summary = "List the caller's URLs",
      description = "One page of the caller's URLs, oldest first.")
  @GetMapping
  PageResponse<UrlResponse> list(
      CurrentUser user,
      @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    var pageable = PageRequest.of(page, size, Sort.by("id"));
    return PageResponse.from(urls.list(user.id(), pageable), this::response);
  }

  @Operation(
      operationId = "getUrl",
      summary = "Get a URL",
      description = "One of the caller's URLs with its settings.")
  @GetMapping("/{id}")
  UrlResponse get(CurrentUser user, @PathVariable long id) {
    return response(urls.get(user.id(), id));
  }

  @Operation(
      operationId = "updateUrl",
      summary = "Change a URL",
      description =
          "Changes the fields sent; absent fields keep their value. A changed alert rule that"
              + " could never fire is refused with `maxReachableThreshold`. New `regions` without"
              + " a `quorum` take a majority of them; `\"regions\": []` returns the URL to every"
              + " region of the deployment.")
  @ApiResponse(responseCode = "200", description = "Changed.")
  @ApiResponse(
      responseCode = "400",
      description =
          "The input is invalid (`errors` names the fields) or the alert rule can never fire"
              + " (`maxReachableThreshold`).")
  @ApiResponse(responseCode = "409", description = "The caller already has a URL of that name.")
  @PatchMapping("/{id}")
  UrlResponse update(
      CurrentUser user, @PathVariable long id, @Valid @RequestBody UpdateUrlRequest request) {
    return response(urls.update(user.id(), id, request));
  }

  @Operation(
      operationId = "deleteUrl",
      summary = "Delete a URL",
      description = "Stops monitoring the URL and deletes it.")
  @ApiResponse(responseCode = "204", description = "Deleted.")
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(CurrentUser user, @PathVariable long id) {
    urls.delete(user.id(), id);
    return ResponseEntity.noContent().build();
  }

  @Operation(
      operationId = "pauseUrl",
      summary = "Pause checks of a URL",
      description = "Stops checking the URL until it is resumed; pausing a paused URL is a no-op.")
  @PostMapping("/{id}/pause")
  UrlResponse pause(CurrentUser user, @PathVariable long id) {
    return response(urls.setEnabled(user.id(), id, false));
  }

  @Operation(
      operationId = "resumeUrl",
      summary = "Resume checks of a URL",
      description = "Checks the URL again at its interval; resuming an active URL is a no-op.")
  @PostMapping("/{id}/resume")
  UrlResponse resume(CurrentUser user, @PathVariable long id) {
    return response(urls.setEnabled(user.id(), id, true));
  }

  @Operation(
      operationId = "rotatePingToken",
      summary = "Give a heartbeat new ping URLs",
      description =
          "Replaces the heartbeat's ping token, e.g. after its ping URL leaked. The old URLs answer"
              + " 404 at once on this server and within `upwatch.api.heartbeat.token-cache-ttl`"
              + " (60 s) on every other replica.")
  @ApiResponse(responseCode = "200", description = "The monitor with its new ping URLs.")
  @ApiResponse(
      responseCode = "400",
      description = "The monitor is not a heartbeat (`errors` names `kind`).")
  @PostMapping("/{id}/ping-token")
  UrlResponse rotatePingToken(CurrentUser user, @PathVariable long id) {
    return response(urls.rotatePingToken(user.id(), id));
  }

  private UrlResponse response(MonitoredUrl url) {
    return UrlResponse.from(url, pingUrls, regions);
  }
}

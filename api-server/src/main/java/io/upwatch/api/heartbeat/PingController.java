package io.upwatch.api.heartbeat;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ping URLs of heartbeat monitors. Public: the token in the path is the credential, so cron
 * jobs need only curl. Answers are tiny plain text; an unknown token is a 404 problem.
 */
@RestController
@Tag(name = "Heartbeat pings")
@SecurityRequirements
class PingController {

  private static final String OK = "OK";
  private static final String TOKEN = "The monitor's ping token (from its `heartbeat.pingUrl`).";

  private final PingTokens tokens;
  private final PingRecorder recorder;

  PingController(PingTokens tokens, PingRecorder recorder) {
    this.tokens = tokens;
    this.recorder = recorder;
  }

  @Operation(
      operationId = "ping",
      summary = "Report a successful run",
      description =
          "The job ran and succeeded. A heartbeat is down when no ping arrives within its period"
              + " plus grace; the next ping resolves its alert. If `/start` was pinged before,"
              + " the check's latency is the run's duration.")
  @PingResponses
  @GetMapping(path = "/ping/{token}")
  ResponseEntity<String> ping(@Parameter(description = TOKEN) @PathVariable String token) {
    return record(token, PingKind.SUCCESS, null);
  }

  @Operation(
      operationId = "pingWithBody",
      summary = "Report a successful run (POST)",
      description = "As `GET /ping/{token}`; a body is accepted and ignored.")
  @PingResponses
  @PostMapping(path = "/ping/{token}")
  ResponseEntity<String> pingPost(@Parameter(description = TOKEN) @PathVariable String token) {
    return record(token, PingKind.SUCCESS, null);
  }

  @Operation(
      operationId = "pingFailure",
      summary = "Report a failed run",
      description =
          "The job ran and failed: a failed check of kind REPORTED_FAILURE, counted by the alert"
              + " rule like any failure.")
  @PingResponses
  @GetMapping(path = "/ping/{token}/fail")
  ResponseEntity<String> fail(@Parameter(description = TOKEN) @PathVariable String token) {
    return record(token, PingKind.FAILURE, null);
  }

  @Operation(
      operationId = "pingFailureWithBody",
      summary = "Report a failed run, with its log",
      description =
          "As `GET /ping/{token}/fail`; the body (e.g. the job's last log lines) becomes the"
              + " check's message, of which the last 256 characters are kept. The body is read"
              + " as sent, whatever its content type (curl's `--data-binary` sends form encoding).",
      requestBody =
          @RequestBody(
              required = false,
              description = "Free text, e.g. `tail -c 1024 job.log`.",
              content =
                  @Content(
                      mediaType = MediaType.TEXT_PLAIN_VALUE,
                      schema = @Schema(type = "string", example = "pg_dump: connection refused"))))
  @PingResponses
  @PostMapping(path = "/ping/{token}/fail")
  ResponseEntity<String> failPost(
      @Parameter(description = TOKEN) @PathVariable String token, HttpServletRequest request)
      throws IOException {
    // The raw bytes, not a @RequestBody String: Spring rebuilds a form post's body from its
    // decoded parameters, which would garble a log ('+', '&', '%').
    String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return record(token, PingKind.FAILURE, body);
  }

  @Operation(
      operationId = "pingStart",
      summary = "Report that a run started",
      description =
          "Marks the start of a run; the next success or failure ping records the time since as"
              + " the check's latency. A start alone is no check and does not reset the deadline.")
  @PingResponses
  @GetMapping(path = "/ping/{token}/start")
  ResponseEntity<String> start(@Parameter(description = TOKEN) @PathVariable String token) {
    return record(token, PingKind.START, null);
  }

  @Operation(
      operationId = "pingStartWithBody",
      summary = "Report that a run started (POST)",
      description = "As `GET /ping/{token}/start`; a body is accepted and ignored.")
  @PingResponses
  @PostMapping(path = "/ping/{token}/start")
  ResponseEntity<String> startPost(@Parameter(description = TOKEN) @PathVariable String token) {
    return record(token, PingKind.START, null);
  }

  // Not a produces condition: that would leave the 404's problem+json unwritable.
  private ResponseEntity<String> record(String token, PingKind kind, String body) {
    PingTarget target = tokens.resolve(token).orElseThrow(PingTokenUnknown::new);
    // A paused monitor's job may keep running; its pings are answered and not recorded.
    if (target.enabled()) {
      recorder.record(target, kind, body);
    }
    return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(OK);
  }
}

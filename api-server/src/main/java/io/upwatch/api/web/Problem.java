package io.upwatch.api.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.List;

/**
 * The shape of every error body, for the OpenAPI document only: the handlers build {@code
 * ProblemDetail}s, whose generic {@code properties} map would document none of our members.
 */
@Schema(
    name = "Problem",
    description = "An RFC 9457 problem detail, sent as application/problem+json.",
    example =
        """
        {"type": "https://upwatch.io/problems/invalid-request", "title": "Bad Request",
         "status": 400, "detail": "Invalid 'threshold': must be less than or equal to 1000.",
         "instance": "/api/v1/urls",
         "errors": [{"field": "threshold", "message": "must be less than or equal to 1000"}]}""")
record Problem(
    @Schema(
            description =
                "What happened, as a stable URI under https://upwatch.io/problems/; branch on"
                    + " this, not on the text.",
            format = "uri",
            requiredMode = Schema.RequiredMode.REQUIRED,
            example = "https://upwatch.io/problems/url-not-found")
        URI type,
    @Schema(description = "The HTTP status's reason phrase.", example = "Not Found") String title,
    @Schema(
            description = "The HTTP status code.",
            requiredMode = Schema.RequiredMode.REQUIRED,
            example = "404")
        int status,
    @Schema(
            description = "What went wrong and how to fix it, for a person.",
            example = "url not found")
        String detail,
    @Schema(
            description = "The path of the request that failed, when known.",
            format = "uri-reference",
            example = "/api/v1/urls/42")
        URI instance,
    @Schema(description = "With invalid input: each offending field and what is wrong with it.")
        List<FieldProblem> errors,
    @Schema(
            description =
                "With an alert rule that can never fire: the largest threshold that can, for the"
                    + " given window and interval.",
            example = "4")
        Integer maxReachableThreshold) {

  /**
   * One invalid field of a request.
   *
   * @param field the field's name or path, e.g. {@code threshold}
   * @param message what is wrong with it
   */
  @Schema(name = "FieldProblem", description = "One invalid field of a request.")
  record FieldProblem(
      @Schema(description = "The field's name or path.", example = "threshold") String field,
      @Schema(
              description = "What is wrong with it.",
              example = "must be less than or equal to 1000")
          String message) {}
}

package io.upwatch.api.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Comparator;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Documents the errors {@link ApiExceptionHandler} and the security entry point answer on every
 * operation, so that controllers declare only their own (409 name taken, 429...). Every 4xx/5xx
 * body becomes a {@link Problem} in {@code application/problem+json}.
 */
@Component
@Order(0) // before customizers that add operations with their own error bodies (ProbeDocs)
class ProblemResponses implements OpenApiCustomizer {

  private static final String PROBLEM_JSON = "application/problem+json";
  private static final String RESPONSES = "#/components/responses/";

  /** The common errors: the component name and when an operation can answer it. */
  private enum Common {
    BAD_REQUEST("400", "BadRequest", "The input is invalid; `errors` names the fields."),
    UNAUTHORIZED("401", "Unauthorized", "The bearer token is missing, invalid or expired."),
    NOT_FOUND("404", "NotFound", "The caller has no such resource."),
    CONTENT_TOO_LARGE("413", "ContentTooLarge", "The request body exceeds the size limit."),
    UNSUPPORTED_MEDIA_TYPE("415", "UnsupportedMediaType", "The body is not sent as JSON."),
    INTERNAL_ERROR("500", "InternalError", "An unexpected error; it has been logged."),
    SERVICE_UNAVAILABLE(
        "503",
        "ServiceUnavailable",
        "A backing service is briefly unavailable; nothing was changed. Retry after"
            + " `Retry-After` seconds.");

    final String code;
    final String name;
    final String description;

    Common(String code, String name, String description) {
      this.code = code;
      this.name = name;
      this.description = description;
    }

    boolean appliesTo(String path, Operation operation) {
      boolean hasBody = operation.getRequestBody() != null;
      return switch (this) {
        case BAD_REQUEST ->
            hasBody || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        case UNAUTHORIZED -> operation.getSecurity() == null || !operation.getSecurity().isEmpty();
        case NOT_FOUND -> path.contains("{id}");
        case CONTENT_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE -> hasBody;
        case INTERNAL_ERROR, SERVICE_UNAVAILABLE -> true;
      };
    }
  }

  @Override
  public void customise(OpenAPI openApi) {
    Components components = openApi.getComponents();
    ModelConverters.getInstance(true).readAll(Problem.class).forEach(components::addSchemas);
    components.addHeaders(
        HttpHeaders.RETRY_AFTER,
        new Header()
            .description("Seconds to wait before retrying.")
            .schema(new IntegerSchema().minimum(java.math.BigDecimal.ZERO).example(5)));
    for (Common common : Common.values()) {
      components.addResponses(common.name, problem(common.code, common.description));
    }
    openApi
        .getPaths()
        .forEach(
            (path, item) -> item.readOperations().forEach(operation -> document(path, operation)));
  }

  private static void document(String path, Operation operation) {
    ApiResponses responses = operation.getResponses();
    for (Common common : Common.values()) {
      if (common.appliesTo(path, operation) && !responses.containsKey(common.code)) {
        responses.addApiResponse(common.code, new ApiResponse().$ref(RESPONSES + common.name));
      }
    }
    responses.forEach(
        (code, response) -> {
          if (response.get$ref() == null && code.charAt(0) >= '4') {
            problem(response, code);
          }
        });
    ApiResponses sorted = new ApiResponses();
    responses.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
        .forEach(entry -> sorted.addApiResponse(entry.getKey(), entry.getValue()));
    operation.setResponses(sorted);
  }

  private static ApiResponse problem(String code, String description) {
    return problem(new ApiResponse().description(description), code);
  }

  /** Gives an error response the problem body, and Retry-After where the client should wait. */
  private static ApiResponse problem(ApiResponse response, String code) {
    response.setContent(
        new Content()
            .addMediaType(
                PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
    if (code.equals("429") || code.equals("503")) {
      response.addHeaderObject(
          HttpHeaders.RETRY_AFTER,
          new Header().$ref("#/components/headers/" + HttpHeaders.RETRY_AFTER));
    }
    return response;
  }
}

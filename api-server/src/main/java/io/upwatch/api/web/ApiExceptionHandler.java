package io.upwatch.api.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Maps every error to an RFC 9457 problem. Bad input is a 4xx naming the field; an unavailable
 * dependency is a 503 with Retry-After; nothing a client sends can produce a 500.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
  private static final String RETRY_AFTER_SECONDS = "5";

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> handleApiException(ApiException exception) {
    ProblemDetail problem = problem(exception.status(), exception.type(), exception.getMessage());
    exception.properties().forEach(problem::setProperty);
    var response = ResponseEntity.status(exception.status());
    if (exception instanceof RetryableApiException retryable) {
      response.header(HttpHeaders.RETRY_AFTER, Long.toString(retryable.retryAfter().toSeconds()));
    }
    return response.body(problem);
  }

  @ExceptionHandler({
    CannotCreateTransactionException.class,
    DataAccessResourceFailureException.class,
    TransientDataAccessException.class,
    QueryTimeoutException.class,
    RedisConnectionFailureException.class
  })
  ResponseEntity<ProblemDetail> handleUnavailableDependency(Exception exception) {
    log.warn("A dependency is unavailable: {}", exception.getMessage());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .body(
            problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "dependency-unavailable",
                "A backing service is temporarily unavailable; nothing was changed. Retry later."));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> handleUnexpected(Exception exception) {
    log.error("Unexpected error", exception);
    return ResponseEntity.internalServerError()
        .body(
            problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "An unexpected error occurred; it has been logged."));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException exception,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Map<String, String>> errors =
        exception.getBindingResult().getFieldErrors().stream().map(this::fieldError).toList();
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", describe(errors));
    problem.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException exception,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Map<String, String>> errors =
        exception.getParameterValidationResults().stream()
            .flatMap(
                result ->
                    result.getResolvableErrors().stream()
                        .map(
                            error ->
                                Map.of(
                                    "field",
                                    String.valueOf(result.getMethodParameter().getParameterName()),
                                    "message",
                                    String.valueOf(error.getDefaultMessage()))))
            .toList();
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", describe(errors));
    problem.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException exception,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (causedByBodyLimit(exception)) {
      return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
          .body(problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", rootMessage(exception)));
    }
    if (exception.getMostSpecificCause() instanceof UnrecognizedPropertyException unknown) {
      return ResponseEntity.badRequest().body(unknownField(unknown));
    }
    return ResponseEntity.badRequest()
        .body(problem(HttpStatus.BAD_REQUEST, "malformed-body", unreadableDetail(exception)));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
      HttpMediaTypeNotSupportedException exception,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String sent =
        exception.getContentType() == null ? "none" : exception.getContentType().toString();
    exception
        .getBody()
        .setDetail(
            "Content type '"
                + sent
                + "' is not supported; send the body as JSON with `Content-Type: application/json`.");
    return super.handleHttpMediaTypeNotSupported(exception, headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
      HttpRequestMethodNotSupportedException exception,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    var supported = exception.getSupportedMethods();
    if (supported != null) {
      exception
          .getBody()
          .setDetail(
              "Method '"
                  + exception.getMethod()
                  + "' is not supported here; use "
                  + String.join(" or ", supported)
                  + ".");
    }
    return super.handleHttpRequestMethodNotSupported(exception, headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(
      NoResourceFoundException exception,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    exception
        .getBody()
        .setDetail(
            "No route "
                + exception.getHttpMethod()
                + " "
                + ((ServletWebRequest) request).getRequest().getRequestURI()
                + "; the API is described at /v3/api-docs.");
    return super.handleNoResourceFoundException(exception, headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception exception,
      Object body,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    // Framework-detected errors (405, 415, 404, type mismatches...) get a type like ours. Most
    // come without a body: the framework renders the exception's own problem then.
    ProblemDetail problem =
        body instanceof ProblemDetail given
            ? given
            : exception instanceof ErrorResponse response ? response.getBody() : null;
    if (problem != null
        && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
      problem.setType(ProblemTypes.of("http-" + status.value()));
    }
    return super.handleExceptionInternal(exception, body, headers, status, request);
  }

  private static ProblemDetail unknownField(UnrecognizedPropertyException unknown) {
    String field = fieldPath(unknown);
    String known =
        unknown.getKnownPropertyIds().stream()
            .map(String::valueOf)
            .collect(Collectors.joining(", "));
    ProblemDetail problem =
        problem(
            HttpStatus.BAD_REQUEST,
            "unknown-field",
            "unknown field '" + field + "'; known fields: " + known);
    problem.setProperty("errors", List.of(Map.of("field", field, "message", "unknown field")));
    return problem;
  }

  private static String unreadableDetail(HttpMessageNotReadableException exception) {
    Throwable cause = exception.getMostSpecificCause();
    if (cause instanceof DatabindException databind) {
      if (databind.getPath().isEmpty()) {
        return "The request body must be a JSON object with the documented fields.";
      }
      return "Invalid '" + fieldPath(databind) + "': " + problemWith(databind) + ".";
    }
    if (cause instanceof InputCoercionException coercion
        && coercion.processor() instanceof JsonParser parser
        && parser.currentName() != null) {
      return "Invalid '" + parser.currentName() + "': number out of range.";
    }
    if (cause instanceof JacksonException) {
      return "The request body is not valid JSON.";
    }
    return "The request body is missing or unreadable.";
  }

  // Named as the validation messages name fields: http.assertions[0].type, not http.assertions.[0].
  private static String fieldPath(DatabindException databind) {
    StringBuilder path = new StringBuilder();
    for (var ref : databind.getPath()) {
      if (ref.getPropertyName() == null) {
        path.append('[').append(ref.getIndex()).append(']');
      } else {
        path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
      }
    }
    return path.toString();
  }

  // An unknown enum constant (kind, type, operator, recordType) lists the accepted ones.
  private static String problemWith(DatabindException databind) {
    if (databind instanceof NulFreeText.NulCharacter nul) {
      return nul.getOriginalMessage();
    }
    if (databind instanceof InvalidFormatException invalid
        && invalid.getTargetType() != null
        && invalid.getTargetType().isEnum()) {
      return "must be one of " + Arrays.toString(invalid.getTargetType().getEnumConstants());
    }
    return "wrong type or format";
  }

  private static boolean causedByBodyLimit(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof RequestBodyLimitFilter.BodyTooLarge) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable exception) {
    Throwable t = exception;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  private Map<String, String> fieldError(FieldError error) {
    return Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage()));
  }

  private static String describe(List<Map<String, String>> errors) {
    if (errors.isEmpty()) {
      return "The request is invalid.";
    }
    var first = errors.getFirst();
    return "Invalid '" + first.get("field") + "': " + first.get("message") + ".";
  }

  private static ProblemDetail problem(HttpStatus status, String type, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(ProblemTypes.of(type));
    return problem;
  }
}

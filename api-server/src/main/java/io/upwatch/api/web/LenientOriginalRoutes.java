package io.upwatch.api.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Unknown JSON fields are refused ({@code fail-on-unknown-properties} in application.yml), so that
 * a misspelt field of {@code /api/v1} is never silently dropped. The original's routes share
 * request types with {@code /api/v1} but ignore unknown fields, as gomon did, so that old scripts
 * that send extra fields keep working; hence the choice by path, not by type.
 */
@Component
class LenientOriginalRoutes implements JsonMapperBuilderCustomizer {

  private static final String STRICT_PREFIX = "/api/";

  @Override
  public void customize(JsonMapper.Builder builder) {
    builder.addHandler(new IgnoreUnknownOnOriginalRoutes());
  }

  /** True while reading the body of a request to one of the original's routes. */
  private static boolean onOriginalRoute() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current) {
      HttpServletRequest request = current.getRequest();
      String path = request.getRequestURI().substring(request.getContextPath().length());
      return !path.startsWith(STRICT_PREFIX);
    }
    return false;
  }

  private static final class IgnoreUnknownOnOriginalRoutes extends DeserializationProblemHandler {

    @Override
    public boolean handleUnknownProperty(
        DeserializationContext context,
        JsonParser parser,
        ValueDeserializer<?> deserializer,
        Object beanOrClass,
        String propertyName) {
      if (!onOriginalRoute()) {
        return false;
      }
      parser.skipChildren();
      return true;
    }
  }
}

package io.upwatch.api.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses a NUL character ({@code \u0000}) in any JSON text of a request body. PostgreSQL's text
 * and jsonb cannot hold it, so such a value would fail only at the insert, where it was taken for a
 * name clash (a 409 that named the wrong field) or a 500; refused here it is a 400 naming the field
 * like every other bad value.
 */
@Component
class NulFreeText implements JsonMapperBuilderCustomizer {

  @Override
  public void customize(JsonMapper.Builder builder) {
    builder.addModule(new SimpleModule("nul-free-text").addDeserializer(String.class, new Text()));
  }

  /** What {@link ApiExceptionHandler} reports for the field. */
  static final class NulCharacter extends InvalidFormatException {

    NulCharacter(JsonParser parser, String value) {
      super(parser, "must not contain a NUL character (\\u0000)", value, String.class);
    }
  }

  private static final class Text extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
      String value = super.deserialize(parser, context);
      if (value != null && value.indexOf('\0') >= 0) {
        throw new NulCharacter(parser, value);
      }
      return value;
    }
  }
}

package io.upwatch.common.notify;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The one codec of {@link NotificationPayload}: times in UTC with exactly three fractional digits
 * ({@code 2026-11-23T10:00:00.000Z}, the form receivers have always had), events by name ({@code
 * alert.opened}).
 */
public final class NotificationPayloads {

  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private static final JsonMapper JSON =
      JsonMapper.builder()
          .addModule(
              new SimpleModule("notification-payload")
                  .addSerializer(Instant.class, new MillisInstant())
                  .addSerializer(NotificationEvent.class, new EventName())
                  .addDeserializer(NotificationEvent.class, new EventByName()))
          .build();

  private NotificationPayloads() {}

  /** The payload as JSON text. */
  public static String toJson(NotificationPayload payload) {
    return JSON.writeValueAsString(payload);
  }

  /** A payload read back from its JSON text. */
  public static NotificationPayload fromJson(String json) {
    return JSON.readValue(json, NotificationPayload.class);
  }

  /** A time as payloads write it, for messages that quote the payload. */
  public static String time(Instant instant) {
    return MILLIS.format(instant);
  }

  private static final class MillisInstant extends ValueSerializer<Instant> {
    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializationContext context) {
      gen.writeString(MILLIS.format(value));
    }
  }

  private static final class EventName extends ValueSerializer<NotificationEvent> {
    @Override
    public void serialize(
        NotificationEvent value, JsonGenerator gen, SerializationContext context) {
      gen.writeString(value.type());
    }
  }

  private static final class EventByName extends ValueDeserializer<NotificationEvent> {
    @Override
    public NotificationEvent deserialize(JsonParser parser, DeserializationContext context) {
      return NotificationEvent.ofType(parser.getValueAsString());
    }
  }
}

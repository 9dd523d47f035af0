package io.upwatch.common.queue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.RecordId;

/**
 * One entry of a stream as a consumer received it.
 *
 * @param ref where it is: its partition and id, which acknowledge it
 * @param fields the entry's fields, not yet known to be a valid task or result
 * @param deliveries how often the entry has been delivered, this delivery included; known after a
 *     reclaim, 1 for entries read with XREADGROUP (new ones, or one's own pending ones re-read)
 */
public record StreamEntry(EntryRef ref, Map<String, String> fields, long deliveries) {

  /** The entry's id in its partition's stream. */
  public RecordId id() {
    return ref.id();
  }

  /** The partition whose stream holds it. */
  public int partition() {
    return ref.partition();
  }

  /** The fields of an entry as XRANGE returns it through Spring's string serializers. */
  public static Map<String, String> fieldsOf(MapRecord<String, Object, Object> record) {
    Map<String, String> fields = new HashMap<>();
    record
        .getValue()
        .forEach((key, value) -> fields.put(String.valueOf(key), String.valueOf(value)));
    return fields;
  }

  // Lettuce hands raw bytes back; the codecs want strings. A deleted (trimmed) entry has no body.
  static Map<String, String> fieldsOf(Map<byte[], byte[]> body) {
    Map<String, String> fields = new HashMap<>();
    if (body != null) {
      body.forEach(
          (key, value) ->
              fields.put(
                  new String(key, StandardCharsets.UTF_8),
                  new String(value, StandardCharsets.UTF_8)));
    }
    return fields;
  }
}

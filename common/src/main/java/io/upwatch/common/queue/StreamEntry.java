package io.upwatch.common.queue;

import java.util.HashMap;
import java.util.Map;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.RecordId;

/**
 * One entry of a stream as a consumer received it.
 *
 * @param id the stream entry id, which acknowledges it
 * @param fields the entry's fields, not yet known to be a valid task or result
 * @param deliveries how often the entry has been delivered, this delivery included; known after a
 *     reclaim, 1 for entries read with XREADGROUP (new ones, or one's own pending ones re-read)
 */
public record StreamEntry(RecordId id, Map<String, String> fields, long deliveries) {

  /** The entry as XREADGROUP or XRANGE returned it, first delivery. */
  public static StreamEntry of(MapRecord<String, Object, Object> record) {
    return new StreamEntry(record.getId(), strings(record.getValue()), 1);
  }

  // Values arrive as Objects from the string serializers; the codecs want strings.
  private static Map<String, String> strings(Map<?, ?> values) {
    Map<String, String> fields = new HashMap<>();
    values.forEach((key, value) -> fields.put(String.valueOf(key), String.valueOf(value)));
    return fields;
  }
}

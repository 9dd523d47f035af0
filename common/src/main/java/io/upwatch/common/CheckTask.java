package io.upwatch.common;

import java.time.Duration;
import java.util.Map;

/**
 * A request to check one URL once, as the local worker puts it on the task stream.
 *
 * @param id the URL and scheduled slot
 * @param url the absolute http(s) URL to GET
 * @param timeout the total deadline of the check: connect, TLS, headers and body
 */
public record CheckTask(TaskId id, String url, Duration timeout) {

  private static final String ID = "id";
  private static final String URL = "url";
  private static final String TIMEOUT_MS = "timeoutMs";

  /** The fields of the stream entry that carries this task. */
  public Map<String, String> toFields() {
    return Map.of(ID, id.toString(), URL, url, TIMEOUT_MS, Long.toString(timeout.toMillis()));
  }

  /**
   * Reads a task from a stream entry's fields.
   *
   * @throws IllegalArgumentException when a field is missing or malformed
   */
  public static CheckTask fromFields(Map<String, String> fields) {
    return new CheckTask(
        TaskId.parse(StreamFields.required(fields, ID)),
        StreamFields.required(fields, URL),
        Duration.ofMillis(StreamFields.requiredLong(fields, TIMEOUT_MS)));
  }
}

package io.upwatch.common;

import io.upwatch.common.probe.ProbeKind;
import io.upwatch.common.probe.ProbeSpec;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A request to check one URL once, as the local worker puts it on the task stream.
 *
 * @param id the URL and scheduled slot
 * @param url the target: an absolute http(s) URL, {@code tcp://host:port} or a DNS name
 * @param timeout the total deadline of the check: connect, TLS, headers and body
 * @param kind what to do with the target; HTTP when absent from the entry
 * @param spec the {@link ProbeSpec} in its JSON form, or {@code null} for the original check;
 *     passed through unparsed by the scheduler, parsed only by the prober that runs it
 */
public record CheckTask(TaskId id, String url, Duration timeout, ProbeKind kind, String spec) {

  private static final String ID = "id";
  private static final String URL = "url";
  private static final String TIMEOUT_MS = "timeoutMs";
  private static final String KIND = "kind";
  private static final String SPEC = "spec";

  public CheckTask {
    kind = kind == null ? ProbeKind.HTTP : kind;
    spec = spec == null || spec.isEmpty() ? null : spec;
  }

  /** An HTTP check with the original settings. */
  public CheckTask(TaskId id, String url, Duration timeout) {
    this(id, url, timeout, ProbeKind.HTTP, null);
  }

  /** The fields of the stream entry that carries this task; kind and spec only when set. */
  public Map<String, String> toFields() {
    if (kind == ProbeKind.HTTP && spec == null) {
      return Map.of(ID, id.toString(), URL, url, TIMEOUT_MS, Long.toString(timeout.toMillis()));
    }
    Map<String, String> fields = new HashMap<>();
    fields.put(ID, id.toString());
    fields.put(URL, url);
    fields.put(TIMEOUT_MS, Long.toString(timeout.toMillis()));
    if (kind != ProbeKind.HTTP) {
      fields.put(KIND, kind.name());
    }
    if (spec != null) {
      fields.put(SPEC, spec);
    }
    return fields;
  }

  /**
   * Reads a task from a stream entry's fields.
   *
   * @throws IllegalArgumentException when a field is missing or malformed
   */
  public static CheckTask fromFields(Map<String, String> fields) {
    String kind = StreamFields.optional(fields, KIND);
    return new CheckTask(
        TaskId.parse(StreamFields.required(fields, ID)),
        StreamFields.required(fields, URL),
        Duration.ofMillis(StreamFields.requiredLong(fields, TIMEOUT_MS)),
        kind == null ? ProbeKind.HTTP : ProbeKind.valueOf(kind),
        StreamFields.optional(fields, SPEC));
  }
}

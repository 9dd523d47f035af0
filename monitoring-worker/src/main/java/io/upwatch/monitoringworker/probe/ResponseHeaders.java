package io.upwatch.monitoringworker.probe;

import java.util.ArrayList;
import java.util.List;

/** A response's header fields in their order; names compare without case, as HTTP says. */
final class ResponseHeaders {

  // Names and values alternate: a response has a handful of fields, so a scan beats a map.
  private final List<String> fields = new ArrayList<>(16);

  void add(String name, String value) {
    fields.add(name);
    fields.add(value);
  }

  /** The first value of the field {@code name}, or {@code null} when there is none. */
  String get(String name) {
    for (int i = 0; i < fields.size(); i += 2) {
      if (fields.get(i).equalsIgnoreCase(name)) {
        return fields.get(i + 1);
      }
    }
    return null;
  }

  /** Every value of the field {@code name}, in their order. */
  List<String> all(String name) {
    List<String> values = new ArrayList<>(1);
    for (int i = 0; i < fields.size(); i += 2) {
      if (fields.get(i).equalsIgnoreCase(name)) {
        values.add(fields.get(i + 1));
      }
    }
    return values;
  }
}

package io.upwatch.common;

import java.util.Map;

/** Reads typed values from the string fields of a stream entry. */
final class StreamFields {

  private StreamFields() {}

  static String required(Map<String, String> fields, String name) {
    String value = fields.get(name);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("Stream entry lacks field '" + name + "'");
    }
    return value;
  }

  static long requiredLong(Map<String, String> fields, String name) {
    String value = required(fields, name);
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Field '" + name + "' is not a number: " + value, e);
    }
  }

  static String optional(Map<String, String> fields, String name) {
    String value = fields.get(name);
    return value == null || value.isEmpty() ? null : value;
  }
}

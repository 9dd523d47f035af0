package io.upwatch.common.probe;

import java.util.Arrays;

/**
 * Accepted HTTP statuses written as a list of codes and ranges, e.g. {@code "200-299,301"}. The
 * default (no list) is the original rule: any status below 500.
 */
public final class StatusRanges {

  /** The original rule. */
  public static final StatusRanges DEFAULT = new StatusRanges(new int[] {100, 499});

  private static final int MAX_RANGES = 32;

  // Pairs of inclusive bounds: from0, to0, from1, to1, ...
  private final int[] bounds;

  private StatusRanges(int[] bounds) {
    this.bounds = bounds;
  }

  /**
   * Parses a list; {@code null} or blank is the default.
   *
   * @throws InvalidProbeSpec naming {@code acceptedStatus} when it is malformed
   */
  public static StatusRanges parse(String text) {
    if (text == null || text.isBlank()) {
      return DEFAULT;
    }
    String[] parts = text.split(",", -1);
    if (parts.length > MAX_RANGES) {
      throw invalid("at most " + MAX_RANGES + " codes or ranges");
    }
    int[] bounds = new int[parts.length * 2];
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i].strip();
      int dash = part.indexOf('-');
      int from = status(dash < 0 ? part : part.substring(0, dash));
      int to = dash < 0 ? from : status(part.substring(dash + 1));
      if (to < from) {
        throw invalid("range " + part + " ends before it starts");
      }
      bounds[2 * i] = from;
      bounds[2 * i + 1] = to;
    }
    return new StatusRanges(bounds);
  }

  /** Whether a response with this status passes. */
  public boolean accepts(int status) {
    for (int i = 0; i < bounds.length; i += 2) {
      if (status >= bounds[i] && status <= bounds[i + 1]) {
        return true;
      }
    }
    return false;
  }

  private static int status(String text) {
    String code = text.strip();
    if (code.length() != 3 || !code.chars().allMatch(Character::isDigit)) {
      throw invalid("'" + code + "' is not a status code; use codes and ranges like 200-299,301");
    }
    int status = Integer.parseInt(code);
    if (status < 100 || status > 599) {
      throw invalid(status + " is not an HTTP status (100-599)");
    }
    return status;
  }

  private static InvalidProbeSpec invalid(String message) {
    return new InvalidProbeSpec("acceptedStatus", message);
  }

  @Override
  public String toString() {
    return Arrays.toString(bounds);
  }
}

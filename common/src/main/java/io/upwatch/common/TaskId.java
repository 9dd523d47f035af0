package io.upwatch.common;

import java.time.Instant;

/**
 * The stable identity of one check: a URL and the slot it was scheduled for. Redeliveries of the
 * same task carry the same id, which makes storing results idempotent.
 *
 * @param urlId the monitored URL
 * @param slot the scheduled time of the check
 */
public record TaskId(long urlId, Instant slot) {

  /** Parses the {@code urlId:slotEpochMillis} form produced by {@link #toString()}. */
  public static TaskId parse(String value) {
    int colon = value.indexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw new IllegalArgumentException("Not a task id: " + value);
    }
    return new TaskId(
        Long.parseLong(value.substring(0, colon)),
        Instant.ofEpochMilli(Long.parseLong(value.substring(colon + 1))));
  }

  @Override
  public String toString() {
    return urlId + ":" + slot.toEpochMilli();
  }
}

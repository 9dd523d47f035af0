package io.upwatch.worker.notify;

import java.util.Locale;

/** The alert events that are notified. */
public enum AlertEvent {
  OPENED,
  RESOLVED;

  /** The event's name in payloads and delivery history: {@code alert.opened}, … */
  public String type() {
    return "alert." + idSuffix();
  }

  /** The last part of the event id, {@code alert-<id>-<suffix>}. */
  String idSuffix() {
    return name().toLowerCase(Locale.ROOT);
  }
}

package io.upwatch.localworker.notify;

import io.upwatch.common.notify.NotificationEvent;
import java.util.Locale;

/** The alert events that are notified, each one of the shared {@link NotificationEvent}s. */
public enum AlertEvent {
  OPENED(NotificationEvent.ALERT_OPENED),
  RESOLVED(NotificationEvent.ALERT_RESOLVED);

  private final NotificationEvent event;

  AlertEvent(NotificationEvent event) {
    this.event = event;
  }

  /** The event's name in payloads and delivery history: {@code alert.opened}, … */
  public String type() {
    return event.type();
  }

  /** The shared event this is. */
  NotificationEvent event() {
    return event;
  }

  /** The last part of the event id, {@code alert-<id>-<suffix>}. */
  String idSuffix() {
    return name().toLowerCase(Locale.ROOT);
  }
}

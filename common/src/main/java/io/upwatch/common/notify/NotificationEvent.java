package io.upwatch.common.notify;

import java.util.Arrays;

/**
 * The events a channel hears, the one definition of their names in payloads, delivery history and
 * the {@code notification_deliveries.event} column, shared by the API (test messages) and the local
 * worker (alert events).
 */
public enum NotificationEvent {
  ALERT_OPENED("alert.opened"),
  ALERT_RESOLVED("alert.resolved"),
  TEST("test");

  private final String type;

  NotificationEvent(String type) {
    this.type = type;
  }

  /**
   * The name in payloads and history: {@code alert.opened}, {@code alert.resolved}, {@code test}.
   */
  public String type() {
    return type;
  }

  /** The event with that name. */
  public static NotificationEvent ofType(String type) {
    return Arrays.stream(values())
        .filter(event -> event.type.equals(type))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown notification event: " + type));
  }
}

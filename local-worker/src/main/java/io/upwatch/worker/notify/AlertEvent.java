package io.upwatch.worker.notify;

/** The alert events that are notified. */
public enum AlertEvent {
  OPENED("alert.opened", "opened"),
  RESOLVED("alert.resolved", "resolved");

  private final String type;
  private final String idSuffix;

  AlertEvent(String type, String idSuffix) {
    this.type = type;
    this.idSuffix = idSuffix;
  }

  /** The event's name in payloads and delivery history. */
  public String type() {
    return type;
  }

  /** The last part of the event id, {@code alert-<id>-<suffix>}. */
  String idSuffix() {
    return idSuffix;
  }
}

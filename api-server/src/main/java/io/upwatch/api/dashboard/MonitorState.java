package io.upwatch.api.dashboard;

import java.util.Locale;

/** What the monitors list shows for a monitor, from its last check within the retention. */
public enum MonitorState {
  UP("up"),
  DOWN("down"),
  PAUSED("paused"),
  NO_DATA("no data");

  private final String label;

  MonitorState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The filter's value in a URL, e.g. {@code no-data}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The state named by a filter value; null (no filter) for anything else. */
  static MonitorState fromKey(String value) {
    for (MonitorState state : values()) {
      if (state.key().equals(value)) {
        return state;
      }
    }
    return null;
  }

  static MonitorState of(boolean enabled, Boolean lastSuccess) {
    if (!enabled) {
      return PAUSED;
    }
    if (lastSuccess == null) {
      return NO_DATA;
    }
    return lastSuccess ? UP : DOWN;
  }
}

package io.upwatch.api.history;

/** What a status page or badge says of a URL right now. */
public enum MonitorState {
  /** Checked, and no alert is open. */
  UP,
  /** Its alert is open: failures exceeded the URL's own threshold and no success followed yet. */
  DOWN,
  /** Paused by its owner: not checked. */
  PAUSED,
  /** Never checked within the raw retention. */
  NO_DATA;

  /** The lower-case name shown on pages and badges, e.g. {@code no data}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}

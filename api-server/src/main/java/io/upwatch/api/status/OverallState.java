package io.upwatch.api.status;

import io.upwatch.api.history.MonitorState;
import java.util.Collection;

/** The headline of a status page, from its monitors' states. */
public enum OverallState {
  /** No monitor is down. */
  OPERATIONAL("All systems operational"),
  /** Some monitors are down. */
  PARTIAL_OUTAGE("Partial outage"),
  /** Every monitor that is checked and has data is down. */
  MAJOR_OUTAGE("Major outage"),
  /** No monitor has data (or the page has none). */
  NO_DATA("No data yet");

  private final String headline;

  OverallState(String headline) {
    this.headline = headline;
  }

  /** The sentence shown at the top of the page. */
  public String headline() {
    return headline;
  }

  static OverallState of(Collection<MonitorState> states) {
    long down = states.stream().filter(s -> s == MonitorState.DOWN).count();
    long up = states.stream().filter(s -> s == MonitorState.UP).count();
    if (down == 0) {
      return up == 0 ? NO_DATA : OPERATIONAL;
    }
    return up == 0 ? MAJOR_OUTAGE : PARTIAL_OUTAGE;
  }
}

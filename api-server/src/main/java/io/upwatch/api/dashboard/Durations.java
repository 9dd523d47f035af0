package io.upwatch.api.dashboard;

import java.time.Duration;

/**
 * Durations as people read them: {@code 45 s}, {@code 12 min}, {@code 3 h 5 min}, {@code 2 d 4 h}.
 */
final class Durations {

  private Durations() {}

  static String words(Duration duration) {
    long seconds = Math.max(0, duration.toSeconds());
    if (seconds < 60) {
      return seconds + " s";
    }
    if (seconds < 3600) {
      return seconds / 60 + " min";
    }
    if (seconds < 86400) {
      long minutes = seconds / 60 % 60;
      return seconds / 3600 + " h" + (minutes == 0 ? "" : " " + minutes + " min");
    }
    long hours = seconds / 3600 % 24;
    return seconds / 86400 + " d" + (hours == 0 ? "" : " " + hours + " h");
  }
}

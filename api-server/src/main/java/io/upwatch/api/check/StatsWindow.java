package io.upwatch.api.check;

import io.upwatch.api.history.DailyHistory;
import io.upwatch.api.web.ApiException;
import java.time.Duration;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.HttpStatus;

/** Parses a stats window such as {@code 24h}, {@code 90m} or {@code PT6H}. */
final class StatsWindow {

  static final Duration MIN = Duration.ofMinutes(1);

  /** Beyond the raw retention, stats come from the daily rollups, kept this long. */
  static final Duration MAX = Duration.ofDays(DailyHistory.MAX_DAYS);

  private StatsWindow() {}

  static Duration parse(String value) {
    Duration window;
    try {
      window = DurationStyle.detectAndParse(value.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidWindow(value);
    }
    if (window.compareTo(MIN) < 0 || window.compareTo(MAX) > 0) {
      throw new InvalidWindow(value);
    }
    return window;
  }

  /** The window is unparseable or outside [1 min, 400 days]. */
  static final class InvalidWindow extends ApiException {
    InvalidWindow(String value) {
      super(
          HttpStatus.BAD_REQUEST,
          "invalid-request",
          "Invalid 'window': '"
              + value
              + "' must be a duration such as 24h, 90m, 30d or PT6H, from 1m to "
              + MAX.toDays()
              + "d.");
    }
  }
}

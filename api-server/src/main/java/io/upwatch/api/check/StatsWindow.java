package io.upwatch.api.check;

import io.upwatch.api.web.ApiException;
import java.time.Duration;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.HttpStatus;

/** Parses a stats window such as {@code 24h}, {@code 90m} or {@code PT6H}. */
final class StatsWindow {

  static final Duration MIN = Duration.ofMinutes(1);

  private StatsWindow() {}

  static Duration parse(String value, Duration max) {
    Duration window;
    try {
      window = DurationStyle.detectAndParse(value.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidWindow(value, max);
    }
    if (window.compareTo(MIN) < 0 || window.compareTo(max) > 0) {
      throw new InvalidWindow(value, max);
    }
    return window;
  }

  /** The window is unparseable or outside [1 min, retention]. */
  static final class InvalidWindow extends ApiException {
    InvalidWindow(String value, Duration max) {
      super(
          HttpStatus.BAD_REQUEST,
          "invalid-request",
          "Invalid 'window': '"
              + value
              + "' must be a duration such as 24h, 90m or PT6H, from 1m to "
              + max.toHours()
              + "h.");
    }
  }
}

package io.upwatch.api.dashboard;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Formatting for the templates, as {@code @ui}: times in UTC as the text a browser without
 * JavaScript shows (the page script rewrites them in the viewer's time zone), percentages, ms.
 */
@Component("ui")
public class DashboardFormat {

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  public String utc(Instant instant) {
    return instant == null ? "" : UTC.format(instant);
  }

  /** The machine-readable form for {@code <time datetime>}. */
  public String iso(Instant instant) {
    return instant == null ? "" : instant.toString();
  }

  public String percent(Double value) {
    return value == null ? "–" : String.format(Locale.ROOT, "%.2f %%", value);
  }

  public String ms(Number value) {
    return value == null ? "–" : Math.round(value.doubleValue()) + " ms";
  }
}

package io.upwatch.api.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.upwatch.api.history.MonitorState;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What a public status page shows, as HTML at {@code /status/{slug}} and JSON at {@code
 * /status/{slug}.json}. Holds nothing but the page's own choices and figures: no ids, owner or
 * other monitors, and a URL's address only when its owner chose to show it.
 *
 * @param slug the page's address
 * @param title the page's heading
 * @param state the overall state of the page's monitors
 * @param generatedAt when these figures were read, to the minute
 * @param monitors the chosen monitors, in the owner's order
 * @param incidents alerts of those monitors opened in the last 14 days, or still open, newest first
 */
public record PublicStatus(
    String slug,
    String title,
    OverallState state,
    Instant generatedAt,
    List<Monitor> monitors,
    List<Incident> incidents) {

  /** Days in each uptime bar, today included. */
  public static final int DAYS = 90;

  /** How far back incidents are listed. */
  public static final int INCIDENT_DAYS = 14;

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /** A time as the HTML page shows it: UTC, to the minute, as the page says. */
  static String utc(Instant time) {
    return time == null ? "" : UTC.format(time);
  }

  /** When these figures were read, as the HTML page shows it. */
  public String generatedText() {
    return utc(generatedAt);
  }

  /**
   * One monitor.
   *
   * @param name the display name chosen by the owner
   * @param target the URL's address; absent unless the owner chose to show it
   * @param state up, down (an alert is open), paused or no data
   * @param lastCheckedAt the slot of its latest check, absent without any
   * @param uptimePercent uptime over the 90 days (checks in them), absent without checks
   * @param days the 90 UTC days, oldest first, today last (live)
   */
  public record Monitor(
      String name,
      @JsonInclude(JsonInclude.Include.NON_NULL) String target,
      MonitorState state,
      Instant lastCheckedAt,
      Double uptimePercent,
      List<Day> days) {}

  /**
   * One day of a monitor's uptime bar.
   *
   * @param date the UTC day
   * @param checks checks that day; 0 means no data
   * @param failures failed checks that day
   * @param uptimePercent successes as a percentage of checks, null without checks
   */
  public record Day(LocalDate date, long checks, long failures, Double uptimePercent) {

    /** The segment's colour class on the HTML page. */
    public String level() {
      if (uptimePercent == null) {
        return "none";
      }
      if (uptimePercent >= 99.9) {
        return "ok";
      }
      return uptimePercent >= 99 ? "minor" : uptimePercent >= 95 ? "major" : "down";
    }

    /** The segment's tooltip on the HTML page. */
    public String tooltip() {
      return uptimePercent == null
          ? date + ": no data"
          : date
              + ": "
              + uptimePercent
              + " % up ("
              + failures
              + " of "
              + checks
              + " checks failed)";
    }
  }

  /**
   * An alert of one of the page's monitors.
   *
   * @param monitor the monitor's display name
   * @param openedAt when it opened
   * @param resolvedAt when it resolved, null while open
   * @param open true while unresolved
   */
  public record Incident(String monitor, Instant openedAt, Instant resolvedAt, boolean open) {

    /** When it opened, as the HTML page shows it. */
    public String openedText() {
      return utc(openedAt);
    }

    /** When it resolved, as the HTML page shows it; empty while open. */
    public String resolvedText() {
      return utc(resolvedAt);
    }

    /** How long it lasted, e.g. {@code 1 h 5 min}, on the HTML page; "ongoing" while open. */
    public String lasted() {
      if (resolvedAt == null) {
        return "ongoing";
      }
      long minutes = java.time.Duration.between(openedAt, resolvedAt).toMinutes();
      return minutes < 60
          ? Math.max(minutes, 1) + " min"
          : minutes / 60 + " h " + minutes % 60 + " min";
    }
  }
}

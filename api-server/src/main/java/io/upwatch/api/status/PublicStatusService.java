package io.upwatch.api.status;

import io.upwatch.api.config.ApiProperties;
import io.upwatch.api.history.CurrentState;
import io.upwatch.api.history.CurrentStates;
import io.upwatch.api.history.DailyHistory;
import io.upwatch.api.history.DayFigures;
import io.upwatch.api.history.MonitorState;
import io.upwatch.api.history.Totals;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Builds a public status page from set-based reads: the page, its monitors, their states, their 90
 * days and their incidents are six statements whatever the number of monitors.
 */
@Service
class PublicStatusService {

  private static final int MAX_INCIDENTS = 50;

  private final PublicPageQueries queries;
  private final CurrentStates states;
  private final DailyHistory history;
  private final ApiProperties properties;
  private final Clock clock;

  PublicStatusService(
      PublicPageQueries queries,
      CurrentStates states,
      DailyHistory history,
      ApiProperties properties,
      Clock clock) {
    this.queries = queries;
    this.states = states;
    this.history = history;
    this.properties = properties;
    this.clock = clock;
  }

  PublicStatus read(String slug) {
    var page = queries.page(slug).orElseThrow(StatusPageNotFound::new);
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    LocalDate first = today.minusDays(PublicStatus.DAYS - 1L);
    var rows = queries.monitors(page.id());
    List<Long> ids = rows.stream().map(PublicPageQueries.MonitorRow::urlId).toList();
    Map<Long, CurrentState> current = states.of(ids, now.minus(properties.statsRetention()));
    Map<Long, List<DayFigures>> days = history.days(ids, first, now);
    List<PublicStatus.Monitor> monitors = new ArrayList<>();
    Map<Long, String> names = new HashMap<>();
    for (var row : rows) {
      names.put(row.urlId(), row.name());
      // A URL deleted between the two reads shows as it would a moment later: gone from the page
      // on the next read, with no data on this one.
      CurrentState state =
          current.getOrDefault(
              row.urlId(), new CurrentState(row.urlId(), MonitorState.NO_DATA, null, null));
      List<DayFigures> figures = days.get(row.urlId());
      monitors.add(
          new PublicStatus.Monitor(
              row.name(),
              row.target(),
              state.state(),
              state.lastCheckedAt(),
              Totals.of(figures).uptimePercent(),
              bar(figures, first, today)));
    }
    var incidents =
        queries
            .incidents(ids, now.minus(Duration.ofDays(PublicStatus.INCIDENT_DAYS)), MAX_INCIDENTS)
            .stream()
            .map(
                i ->
                    new PublicStatus.Incident(
                        names.get(i.urlId()), i.openedAt(), i.resolvedAt(), i.resolvedAt() == null))
            .toList();
    return new PublicStatus(
        page.slug(),
        page.title(),
        OverallState.of(monitors.stream().map(PublicStatus.Monitor::state).toList()),
        // To the minute: the body, and so its ETag, stays the same while the figures do.
        now.truncatedTo(ChronoUnit.MINUTES),
        monitors,
        incidents);
  }

  /** One segment per day from first to today; days without checks are there, with no data. */
  private static List<PublicStatus.Day> bar(
      List<DayFigures> figures, LocalDate first, LocalDate today) {
    Map<LocalDate, DayFigures> byDay = new HashMap<>();
    figures.forEach(day -> byDay.put(day.day(), day));
    List<PublicStatus.Day> bar = new ArrayList<>(PublicStatus.DAYS);
    for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
      DayFigures f = byDay.get(day);
      bar.add(
          f == null
              ? new PublicStatus.Day(day, 0, 0, null)
              : new PublicStatus.Day(day, f.checks(), f.failures(), f.uptimePercent()));
    }
    return bar;
  }
}

package io.upwatch.api.dashboard;

import io.upwatch.api.history.DailyHistory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The 90-day chart from the daily rollups (closed days) and today's raw checks, one point per UTC
 * day: its median latency as the line and its 95th percentile as the point's highest value. The raw
 * checks are kept only 7 days, so this is the only source that covers 90.
 */
@Component
class RollupSeries implements ResponseTimeSeries {

  private final DailyHistory history;

  RollupSeries(DailyHistory history) {
    this.history = history;
  }

  @Override
  public boolean covers(ChartWindow window) {
    return window == ChartWindow.D90;
  }

  @Override
  public List<ChartPoint> series(long urlId, ChartWindow window, Instant now) {
    LocalDate first = LocalDate.ofInstant(now.minus(window.span()), ZoneOffset.UTC).plusDays(1);
    return history.days(List.of(urlId), first, now).get(urlId).stream()
        .map(
            day ->
                new ChartPoint(
                    day.day().atStartOfDay(ZoneOffset.UTC).toInstant(),
                    day.checks(),
                    day.failures(),
                    day.latencyP50Ms(),
                    day.latencyP95Ms()))
        .toList();
  }
}

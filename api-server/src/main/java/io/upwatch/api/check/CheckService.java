package io.upwatch.api.check;

import io.upwatch.api.config.ApiProperties;
import io.upwatch.api.history.DailyHistory;
import io.upwatch.api.history.Totals;
import io.upwatch.api.url.MonitorRegions;
import io.upwatch.api.url.UrlNotFound;
import io.upwatch.api.url.UrlService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stats and recent checks of a caller's URL, for both route families. */
@Service
public class CheckService {

  /** The original's stats window. */
  public static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

  private final UrlService urls;
  private final CheckQueries queries;
  private final DailyHistory history;
  private final ApiProperties properties;
  private final MonitorRegions regions;
  private final Clock clock;

  CheckService(
      UrlService urls,
      CheckQueries queries,
      DailyHistory history,
      ApiProperties properties,
      MonitorRegions regions,
      Clock clock) {
    this.urls = urls;
    this.regions = regions;
    this.queries = queries;
    this.history = history;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Within the raw retention one statement, so no transaction: the hottest read of the API. Longer
   * windows are whole UTC days from the daily rollups (see {@link #statsOf(long, Duration,
   * String)}).
   *
   * @param region only this region's checks, or null for the URL's slots and every region's own
   *     figures
   */
  public UrlStats stats(long userId, long urlId, Duration window, String region) {
    requireDeploymentRegion(region);
    if (window.compareTo(properties.statsRetention()) > 0) {
      return statsOf(urls.get(userId, urlId).getId(), window, region);
    }
    Instant now = clock.instant();
    return queries
        .statsOfOwned(userId, urlId, now.minus(window), now, region)
        .orElseThrow(UrlNotFound::new);
  }

  /** The stats of a URL whose access the caller has established (a badge token). */
  public UrlStats statsOf(long urlId, Duration window) {
    return statsOf(urlId, window, null);
  }

  /**
   * Windows beyond the raw retention cover whole UTC days, today included: 30d is today and the 29
   * days before, from the daily rollups and today's raw checks, with approximate percentiles
   * ({@link Totals}).
   */
  private UrlStats statsOf(long urlId, Duration window, String region) {
    Instant now = clock.instant();
    if (window.compareTo(properties.statsRetention()) <= 0) {
      return queries.stats(urlId, now.minus(window), now, region);
    }
    long days = (window.toSeconds() + 86_399) / 86_400;
    LocalDate first = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(days - 1);
    Map<String, Totals> byRegion = history.regionTotals(urlId, first, now);
    if (region != null) {
      byRegion = byRegion.containsKey(region) ? Map.of(region, byRegion.get(region)) : Map.of();
    }
    Totals totals =
        region == null
            ? history.totals(urlId, first, now)
            : byRegion.getOrDefault(region, Totals.of(List.of()));
    return new UrlStats(
        urlId,
        first.atStartOfDay(ZoneOffset.UTC).toInstant(),
        now,
        totals.checks(),
        totals.successes(),
        totals.failures(),
        totals.uptimePercent(),
        totals.latencyP50Ms(),
        totals.latencyP95Ms(),
        region,
        region == null ? queries.quorumOf(urlId) : 1,
        byRegion.entrySet().stream().map(e -> RegionStats.of(e.getKey(), e.getValue())).toList());
  }

  @Transactional(readOnly = true)
  public UrlStats statsByName(long userId, String name, Duration window) {
    return statsOf(urls.getByName(userId, name).getId(), window);
  }

  /**
   * The URL's latest checks within the raw retention, newest first.
   *
   * @param region only this region's checks, or null for all
   */
  @Transactional(readOnly = true)
  public List<CheckResponse> recent(long userId, long urlId, int limit, String region) {
    requireDeploymentRegion(region);
    long id = urls.get(userId, urlId).getId();
    return queries.recent(id, clock.instant().minus(properties.statsRetention()), limit, region);
  }

  private void requireDeploymentRegion(String region) {
    if (region != null && !regions.inDeployment(region)) {
      throw new UnknownRegion(region, regions.deployment());
    }
  }

  Duration parseWindow(String window) {
    return window == null ? DEFAULT_WINDOW : StatsWindow.parse(window);
  }
}

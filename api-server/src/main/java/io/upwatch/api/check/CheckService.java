package io.upwatch.api.check;

import io.upwatch.api.config.ApiProperties;
import io.upwatch.api.url.UrlNotFound;
import io.upwatch.api.url.UrlService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stats and recent checks of a caller's URL, for both route families. */
@Service
public class CheckService {

  /** The original's stats window. */
  public static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

  private final UrlService urls;
  private final CheckQueries queries;
  private final ApiProperties properties;
  private final Clock clock;

  CheckService(UrlService urls, CheckQueries queries, ApiProperties properties, Clock clock) {
    this.urls = urls;
    this.queries = queries;
    this.properties = properties;
    this.clock = clock;
  }

  /** One statement, so no transaction: the hottest read of the API. */
  public UrlStats stats(long userId, long urlId, Duration window) {
    Instant now = clock.instant();
    return queries
        .statsOfOwned(userId, urlId, now.minus(window), now)
        .orElseThrow(UrlNotFound::new);
  }

  @Transactional(readOnly = true)
  public UrlStats statsByName(long userId, String name, Duration window) {
    return statsOf(urls.getByName(userId, name).getId(), window);
  }

  @Transactional(readOnly = true)
  public List<CheckResponse> recent(long userId, long urlId, int limit) {
    long id = urls.get(userId, urlId).getId();
    return queries.recent(id, clock.instant().minus(properties.statsRetention()), limit);
  }

  Duration parseWindow(String window) {
    return window == null ? DEFAULT_WINDOW : StatsWindow.parse(window, properties.statsRetention());
  }

  private UrlStats statsOf(long urlId, Duration window) {
    Instant now = clock.instant();
    return queries.stats(urlId, now.minus(window), now);
  }
}

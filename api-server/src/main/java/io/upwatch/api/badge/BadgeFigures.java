package io.upwatch.api.badge;

import io.upwatch.api.check.CheckService;
import io.upwatch.api.config.ApiProperties;
import io.upwatch.api.history.CurrentStates;
import io.upwatch.api.history.MonitorState;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The badges of the URL a token stands for. */
@Service
class BadgeFigures {

  /** The uptime windows offered, by their query value. */
  static final Map<String, Duration> WINDOWS =
      Map.of(
          "24h", Duration.ofHours(24),
          "7d", Duration.ofDays(7),
          "30d", Duration.ofDays(30),
          "90d", Duration.ofDays(90));

  private final BadgeTokens tokens;
  private final CurrentStates states;
  private final CheckService checks;
  private final ApiProperties properties;
  private final Clock clock;

  BadgeFigures(
      BadgeTokens tokens,
      CurrentStates states,
      CheckService checks,
      ApiProperties properties,
      Clock clock) {
    this.tokens = tokens;
    this.states = states;
    this.checks = checks;
    this.properties = properties;
    this.clock = clock;
  }

  Badge status(String token) {
    long urlId = urlOf(token);
    var since = clock.instant().minus(properties.statsRetention());
    MonitorState state = states.of(List.of(urlId), since).get(urlId).state();
    String color =
        switch (state) {
          case UP -> Badge.GREEN;
          case DOWN -> Badge.RED;
          case PAUSED, NO_DATA -> Badge.GREY;
        };
    return new Badge("status", state.label(), color);
  }

  Badge uptime(String token, String window) {
    Duration duration = WINDOWS.get(window);
    if (duration == null) {
      throw new InvalidBadgeWindow(window);
    }
    Double uptime = checks.statsOf(urlOf(token), duration).uptimePercent();
    String label = "uptime " + window;
    if (uptime == null) {
      return new Badge(label, "no data", Badge.GREY);
    }
    String color =
        uptime >= 99.9
            ? Badge.GREEN
            : uptime >= 99 ? Badge.YELLOW_GREEN : uptime >= 95 ? Badge.YELLOW : Badge.RED;
    return new Badge(label, Badge.percent(uptime), color);
  }

  Badge responseTime(String token) {
    Double median = checks.statsOf(urlOf(token), Duration.ofHours(24)).latencyP50Ms();
    return median == null
        ? new Badge("response time", "no data", Badge.GREY)
        : new Badge("response time", Math.round(median) + " ms", Badge.BLUE);
  }

  private long urlOf(String token) {
    return tokens.urlOf(token).orElseThrow(BadgeNotFound::new);
  }
}

package io.upwatch.api.url;

import io.upwatch.api.config.ApiProperties;
import io.upwatch.api.heartbeat.PingToken;
import io.upwatch.api.heartbeat.PingTokens;
import io.upwatch.api.persistence.UserLock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's monitored URLs, for both route families. Every method takes the owner's id and never
 * touches another user's rows.
 */
@Service
public class UrlService {

  private static final Logger log = LoggerFactory.getLogger(UrlService.class);

  private final UrlRepository urls;
  private final UserLock userLock;
  private final ApiProperties properties;
  private final Clock clock;
  private final PingTokens pingTokens;
  private final MonitorRegions regions;

  UrlService(
      UrlRepository urls,
      UserLock userLock,
      ApiProperties properties,
      Clock clock,
      PingTokens pingTokens,
      MonitorRegions regions) {
    this.urls = urls;
    this.regions = regions;
    this.userLock = userLock;
    this.properties = properties;
    this.clock = clock;
    this.pingTokens = pingTokens;
  }

  /** Registers a URL; refuses a threshold that its window can never exceed. */
  @Transactional
  public MonitoredUrl register(long userId, RegisterUrlRequest request) {
    return register(userId, request, true);
  }

  /**
   * Registers a URL as the original did: a threshold that its window can never exceed is stored, so
   * that old scripts keep working, and logged at WARN ({@code /api/v1} shows it as a warning).
   */
  @Transactional
  public MonitoredUrl registerLeniently(long userId, RegisterUrlRequest request) {
    MonitoredUrl url = register(userId, request, false);
    UrlSettings settings = url.settings();
    if (!settings.ruleCanFire()) {
      log.warn(
          "URL {} '{}' of user {} will never raise an alert: {}",
          url.getId(),
          url.getName(),
          userId,
          settings.unreachableRule());
    }
    return url;
  }

  private MonitoredUrl register(long userId, RegisterUrlRequest request, boolean refuseDeadRule) {
    // Serialise per user, so concurrent registrations cannot overshoot the limit.
    userLock.lock(userId);
    if (urls.countByUserId(userId) >= properties.maxUrlCount()) {
      throw new UrlLimitReached(properties.maxUrlCount());
    }
    MonitorKind kind = request.kindOrHttp();
    boolean heartbeat = kind == MonitorKind.HEARTBEAT;
    var settings = heartbeat ? heartbeatSettings(request) : probedSettings(kind, request);
    if (refuseDeadRule) {
      settings.requireRuleCanFire();
    }
    if (urls.existsByUserIdAndName(userId, settings.name())) {
      throw new UrlNameTaken(settings.name());
    }
    if (!heartbeat) {
      var url = new MonitoredUrl(userId, kind, settings, clock.instant());
      url.applyCheck(
          CheckSpecs.of(kind, request.http(), request.dns(), null),
          request.http() == null ? null : request.http().certificateExpiryDays());
      regions.register(url, request.regions(), request.quorum());
      return save(url);
    }
    Duration grace =
        seconds(request.heartbeat().graceSeconds(), properties.heartbeat().defaultGrace());
    Instant firstDeadline = clock.instant().plus(settings.interval()).plus(grace);
    var url = MonitoredUrl.heartbeat(userId, settings, grace, PingToken.generate(), firstDeadline);
    regions.register(url, request.regions(), request.quorum());
    return save(url);
  }

  private UrlSettings probedSettings(MonitorKind kind, RegisterUrlRequest request) {
    return new UrlSettings(
        request.name(),
        target(kind, request.url()),
        request.threshold(),
        seconds(request.intervalSeconds(), properties.defaultInterval()),
        seconds(request.timeoutSeconds(), properties.defaultTimeout()),
        seconds(request.failureWindowSeconds(), properties.defaultFailureWindow()));
  }

  // A heartbeat probes nothing: no target, and a timeout that only satisfies the table.
  private UrlSettings heartbeatSettings(RegisterUrlRequest request) {
    Duration period = Duration.ofSeconds(request.heartbeat().periodSeconds());
    return new UrlSettings(
        request.name(),
        "",
        Objects.requireNonNullElse(request.threshold(), 0),
        period,
        min(properties.defaultTimeout(), period),
        seconds(request.failureWindowSeconds(), properties.defaultFailureWindow()));
  }

  @Transactional(readOnly = true)
  public Page<MonitoredUrl> list(long userId, Pageable pageable) {
    return urls.findByUserId(userId, pageable);
  }

  @Transactional(readOnly = true)
  public List<MonitoredUrl> listAll(long userId) {
    return urls.findByUserIdOrderById(userId);
  }

  @Transactional(readOnly = true)
  public MonitoredUrl get(long userId, long urlId) {
    return urls.findByIdAndUserId(urlId, userId).orElseThrow(UrlNotFound::new);
  }

  @Transactional(readOnly = true)
  public MonitoredUrl getByName(long userId, String name) {
    return urls.findByUserIdAndName(userId, name).orElseThrow(UrlNotFound::new);
  }

  @Transactional
  public MonitoredUrl update(long userId, long urlId, UpdateUrlRequest request) {
    MonitoredUrl url = get(userId, urlId);
    MonitorRequests.check(url, request);
    UrlSettings current = url.settings();
    UrlSchedule schedule = url.schedule();
    Integer interval =
        url.isHeartbeat() && request.heartbeat() != null
            ? request.heartbeat().periodSeconds()
            : request.intervalSeconds();
    var changed =
        new UrlSettings(
            Objects.requireNonNullElse(request.name(), current.name()),
            request.url() == null ? current.url() : target(url.getKind(), request.url()),
            Objects.requireNonNullElse(request.threshold(), current.threshold()),
            seconds(interval, current.interval()),
            seconds(request.timeoutSeconds(), current.timeout()),
            seconds(request.failureWindowSeconds(), current.failureWindow()));
    if (request.setsRule()) {
      changed.requireRuleCanFire();
    }
    if (!changed.name().equals(current.name())
        && urls.existsByUserIdAndName(userId, changed.name())) {
      throw new UrlNameTaken(changed.name());
    }
    url.apply(changed);
    Duration grace = url.getGrace();
    if (request.heartbeat() != null && request.heartbeat().graceSeconds() != null) {
      url.setGrace(Duration.ofSeconds(request.heartbeat().graceSeconds()));
    }
    if (request.http() != null || request.dns() != null) {
      url.applyCheck(
          CheckSpecs.of(url.getKind(), request.http(), request.dns(), url.checkSpec()),
          request.http() == null ? null : request.http().certificateExpiryDays());
    }
    regions.update(url, request.regions(), request.quorum());
    boolean resumed = request.enabled() != null && url.setEnabled(request.enabled());
    // A new target or timeout is used from the next slot on: making the URL due at once could
    // check it again right after a slot just handed out.
    url.reschedule(schedule, clock.instant());
    MonitoredUrl saved = save(url);
    if (url.isHeartbeat()) {
      boolean newRule =
          !changed.interval().equals(current.interval()) || !url.getGrace().equals(grace);
      heartbeatChanged(saved, newRule || resumed);
    }
    return saved;
  }

  @Transactional
  public MonitoredUrl setEnabled(long userId, long urlId, boolean enabled) {
    MonitoredUrl url = get(userId, urlId);
    UrlSchedule schedule = url.schedule();
    boolean resumed = url.setEnabled(enabled);
    url.reschedule(schedule, clock.instant());
    MonitoredUrl saved = save(url);
    if (url.isHeartbeat()) {
      heartbeatChanged(saved, resumed);
    }
    return saved;
  }

  /**
   * Gives a heartbeat monitor a new ping token; the old one stops working (on other replicas within
   * the ping cache's lifetime).
   */
  @Transactional
  public MonitoredUrl rotatePingToken(long userId, long urlId) {
    MonitoredUrl url = get(userId, urlId);
    if (!url.isHeartbeat()) {
      throw new InvalidUrlSettings("kind", "only a HEARTBEAT monitor has a ping token");
    }
    String old = url.rotatePingToken(PingToken.generate());
    MonitoredUrl saved = save(url);
    pingTokens.forget(old);
    return saved;
  }

  @Transactional
  public void delete(long userId, long urlId) {
    MonitoredUrl url = get(userId, urlId);
    urls.delete(url);
    pingTokens.forget(url.getPingToken());
  }

  private MonitoredUrl save(MonitoredUrl url) {
    try {
      return urls.saveAndFlush(url);
    } catch (DataIntegrityViolationException raced) {
      throw new UrlNameTaken(url.getName());
    }
  }

  // A heartbeat whose period or grace changed, or that was resumed, waits a whole new period and
  // grace for its next ping: its previous deadline was set under the old rule. Its pings see the
  // new state at once on this replica.
  private void heartbeatChanged(MonitoredUrl url, boolean restartWait) {
    if (restartWait) {
      urls.setDeadline(url.getId(), clock.instant().plus(url.getInterval()).plus(url.getGrace()));
    }
    pingTokens.forget(url.getPingToken());
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static String target(MonitorKind kind, String raw) {
    try {
      return MonitorTargets.normalize(kind, raw);
    } catch (IllegalArgumentException e) {
      throw new InvalidUrlSettings("url", e.getMessage());
    }
  }

  private static Duration seconds(Integer value, Duration fallback) {
    return value == null ? fallback : Duration.ofSeconds(value);
  }
}

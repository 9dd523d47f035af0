package io.upwatch.api.url;

import io.upwatch.api.persistence.Timestamped;
import io.upwatch.common.probe.ProbeSpec;
import io.upwatch.schema.SlotGrid;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A URL a user asked Upwatch to check, with its schedule and alert rule. */
@Entity
@Table(name = "urls")
public class MonitoredUrl extends Timestamped {

  /** Days before a certificate's expiry that raise its alert, unless set. */
  static final int DEFAULT_CERTIFICATE_EXPIRY_DAYS = 14;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id", nullable = false, updatable = false)
  private long userId;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private MonitorKind kind = MonitorKind.HTTP;

  @Column(nullable = false, length = 2048)
  private String url;

  @Column(nullable = false)
  private int threshold;

  @Column(name = "interval_seconds", nullable = false)
  private int intervalSeconds;

  @Column(name = "timeout_ms", nullable = false)
  private int timeoutMs;

  @Column(name = "failure_window_seconds", nullable = false)
  private int failureWindowSeconds;

  @Column(nullable = false)
  private boolean enabled = true;

  // Heartbeats only: how late a ping may come (the period is intervalSeconds) and the secret of
  // the ping URL.
  @Column(name = "grace_seconds")
  private Integer graceSeconds;

  @Column(name = "ping_token", length = 32)
  private String pingToken;

  // The ProbeSpec's JSON form; null for the original check. Holds header secrets: never returned.
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "check_spec")
  private String checkSpec;

  @Column(name = "certificate_expiry_days", nullable = false)
  private int certificateExpiryDays = DEFAULT_CERTIFICATE_EXPIRY_DAYS;

  // The regions it is checked from; null: every region of the deployment (UPWATCH_REGIONS), as it
  // is then. quorum: how many of them must be in breach for an alert; null: a majority of them.
  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "regions", columnDefinition = "text[]")
  private String[] regions;

  @Column(name = "quorum")
  private Short quorum;

  // A heartbeat's deadline, its next expected ping: written here only on insert, as the missed-ping
  // pass moves it concurrently (UrlRepository#setDeadline for the API's moves). Null for probed
  // kinds, whose slots are the grid of interval and phase.
  @Column(name = "next_check_at", updatable = false)
  private Instant nextCheckAt;

  // A probed URL's grid: its slots are the instants whose epoch millisecond is phaseMs modulo the
  // interval. Only the API writes it; the schedulers read it.
  @Column(name = "phase_ms", nullable = false)
  private int phaseMs;

  @Column(name = "paused_at")
  private Instant pausedAt;

  // Guards API writes against each other; no scheduler writes this row.
  @Version private long version;

  protected MonitoredUrl() {}

  private MonitoredUrl(long userId, MonitorKind kind, UrlSettings settings) {
    this.userId = userId;
    this.kind = kind;
    apply(settings);
  }

  /**
   * A probed URL (HTTP, TCP, DNS), first checked one {@link UrlSchedule#LEAD} after {@code now}.
   */
  MonitoredUrl(long userId, MonitorKind kind, UrlSettings settings, Instant now) {
    this(userId, kind, settings);
    this.phaseMs = phaseOf(UrlSchedule.first(settings.interval(), now));
  }

  /**
   * A heartbeat monitor, due its first ping by {@code firstDeadline}.
   *
   * @param settings its name and rule; the interval is its period
   */
  static MonitoredUrl heartbeat(
      long userId, UrlSettings settings, Duration grace, String pingToken, Instant firstDeadline) {
    MonitoredUrl url = new MonitoredUrl(userId, MonitorKind.HEARTBEAT, settings);
    url.nextCheckAt = firstDeadline;
    url.setGrace(grace);
    url.pingToken = pingToken;
    return url;
  }

  /** Replaces name, target, rule and schedule with the given settings. */
  void apply(UrlSettings settings) {
    this.name = settings.name();
    this.url = settings.url();
    this.threshold = settings.threshold();
    this.intervalSeconds = Math.toIntExact(settings.interval().toSeconds());
    this.timeoutMs = Math.toIntExact(settings.timeout().toMillis());
    this.failureWindowSeconds = Math.toIntExact(settings.failureWindow().toSeconds());
  }

  /** Sets how the target is checked; a null spec is the original check. */
  void applyCheck(ProbeSpec spec, Integer certificateExpiryDays) {
    this.checkSpec = spec == null ? null : spec.toJson();
    if (certificateExpiryDays != null) {
      this.certificateExpiryDays = certificateExpiryDays;
    }
  }

  /** The stored check settings, {@code null} for the original check. */
  ProbeSpec checkSpec() {
    return ProbeSpec.fromJson(checkSpec);
  }

  public int getCertificateExpiryDays() {
    return certificateExpiryDays;
  }

  /** Its own regions, or null when it is checked from every region of the deployment. */
  public List<String> getRegions() {
    return regions == null ? null : List.of(regions);
  }

  /** Its own quorum, or null for a majority of its regions. */
  public Integer getQuorum() {
    return quorum == null ? null : quorum.intValue();
  }

  /** Sets its regions (null: every region of the deployment) and quorum (null: a majority). */
  void setRegions(List<String> regions, Integer quorum) {
    this.regions = regions == null ? null : regions.toArray(String[]::new);
    this.quorum = quorum == null ? null : quorum.shortValue();
  }

  /**
   * Pauses or resumes checks; a probed URL's slots move with {@link #reschedule}.
   *
   * @return whether this resumed a paused URL
   */
  boolean setEnabled(boolean enabled) {
    boolean resumed = enabled && !this.enabled;
    this.enabled = enabled;
    return resumed;
  }

  /** A probed URL's schedule as stored: to pass to {@link #reschedule} after changing it. */
  UrlSchedule schedule() {
    return new UrlSchedule(new SlotGrid(getInterval(), phaseMs), enabled, pausedAt);
  }

  /**
   * Moves a probed URL's slots after its interval or enabled state changed from {@code before} (see
   * {@link UrlSchedule#changedTo}); heartbeats have no slots.
   */
  void reschedule(UrlSchedule before, Instant now) {
    if (!isHeartbeat()) {
      UrlSchedule after = before.changedTo(getInterval(), enabled, now);
      phaseMs = phaseOf(after);
      pausedAt = after.pausedAt();
    }
  }

  private static int phaseOf(UrlSchedule schedule) {
    return Math.toIntExact(schedule.grid().phaseMs());
  }

  UrlSettings settings() {
    return new UrlSettings(
        name,
        url,
        threshold,
        Duration.ofSeconds(intervalSeconds),
        Duration.ofMillis(timeoutMs),
        Duration.ofSeconds(failureWindowSeconds));
  }

  void setGrace(Duration grace) {
    this.graceSeconds = Math.toIntExact(grace.toSeconds());
  }

  /** Replaces the ping token; returns the old one. */
  String rotatePingToken(String token) {
    String old = pingToken;
    pingToken = token;
    return old;
  }

  boolean isHeartbeat() {
    return kind == MonitorKind.HEARTBEAT;
  }

  /** A heartbeat's grace, or null for other kinds. */
  public Duration getGrace() {
    return graceSeconds == null ? null : Duration.ofSeconds(graceSeconds);
  }

  /** A heartbeat's ping token, or null for other kinds. */
  public String getPingToken() {
    return pingToken;
  }

  public Long getId() {
    return id;
  }

  public long getUserId() {
    return userId;
  }

  public String getName() {
    return name;
  }

  public MonitorKind getKind() {
    return kind;
  }

  public String getUrl() {
    return url;
  }

  public int getThreshold() {
    return threshold;
  }

  public Duration getInterval() {
    return Duration.ofSeconds(intervalSeconds);
  }

  public Duration getTimeout() {
    return Duration.ofMillis(timeoutMs);
  }

  public Duration getFailureWindow() {
    return Duration.ofSeconds(failureWindowSeconds);
  }

  public boolean isEnabled() {
    return enabled;
  }
}

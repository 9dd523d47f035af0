package io.upwatch.api.alert;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An alert raised by the local workers; the API only reads it. */
@Entity
@Immutable
@Table(name = "alerts")
public class Alert {

  @Id private Long id;

  @Column(name = "url_id")
  private long urlId;

  @Column(name = "opened_at")
  private Instant openedAt;

  @Column(name = "resolved_at")
  private Instant resolvedAt;

  @Column(name = "trigger_slot")
  private Instant triggerSlot;

  @Column(name = "resolved_slot")
  private Instant resolvedSlot;

  @Column(name = "failure_count")
  private int failureCount;

  private int threshold;

  @Column(name = "window_seconds")
  private int windowSeconds;

  @Column(length = 24)
  private String kind;

  @Column(name = "certificate_expires_at")
  private Instant certificateExpiresAt;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "regions", columnDefinition = "text[]")
  private String[] regions;

  private Short quorum;

  protected Alert() {}

  public Long getId() {
    return id;
  }

  public long getUrlId() {
    return urlId;
  }

  public Instant getOpenedAt() {
    return openedAt;
  }

  public Instant getResolvedAt() {
    return resolvedAt;
  }

  public Instant getTriggerSlot() {
    return triggerSlot;
  }

  public Instant getResolvedSlot() {
    return resolvedSlot;
  }

  public boolean isOpen() {
    return resolvedAt == null;
  }

  public int getFailureCount() {
    return failureCount;
  }

  public int getThreshold() {
    return threshold;
  }

  public int getWindowSeconds() {
    return windowSeconds;
  }

  /** AVAILABILITY or CERTIFICATE_EXPIRY. */
  public String getKind() {
    return kind;
  }

  public Instant getCertificateExpiresAt() {
    return certificateExpiresAt;
  }

  /**
   * The regions in breach when an availability alert opened, in name order (none for a heartbeat,
   * whose pings come from no region); null for certificate alerts and alerts older than regions.
   */
  public List<String> getRegions() {
    return regions == null
        ? null
        : Arrays.stream(regions).filter(region -> !region.isEmpty()).toList();
  }

  /** How many of the URL's regions had to be in breach; null when {@link #getRegions()} is. */
  public Integer getQuorum() {
    return quorum == null ? null : quorum.intValue();
  }
}

package io.upwatch.api.channel;

import io.upwatch.api.persistence.Timestamped;
import io.upwatch.common.notify.ChannelKind;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a user's alert events go. Applies to all the owner's URLs, or only to the linked ones. The
 * secret (and a Slack URL, itself a credential) is write-only: responses never carry it.
 */
@Entity
@Table(name = "notification_channels")
public class NotificationChannel extends Timestamped {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id", nullable = false, updatable = false)
  private long userId;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private ChannelKind kind;

  @Column(nullable = false, length = 2048)
  private String target;

  @Column private String secret;

  @Column(name = "all_urls", nullable = false)
  private boolean allUrls = true;

  @ElementCollection
  @CollectionTable(
      name = "notification_channel_urls",
      joinColumns = @JoinColumn(name = "channel_id"))
  @Column(name = "url_id")
  private Set<Long> urlIds = new TreeSet<>();

  @Column(nullable = false)
  private boolean enabled = true;

  @Version private long version;

  protected NotificationChannel() {}

  NotificationChannel(long userId, String name, ChannelKind kind, String target, String secret) {
    this.userId = userId;
    this.name = name;
    this.kind = kind;
    this.target = target;
    this.secret = secret;
  }

  /** Routes to every URL of the owner when {@code urlIds} is empty, else only to those. */
  void routeTo(Set<Long> urlIds) {
    this.allUrls = urlIds.isEmpty();
    this.urlIds.clear();
    this.urlIds.addAll(urlIds);
  }

  void rename(String name) {
    this.name = name;
  }

  void retarget(String target) {
    this.target = target;
  }

  void replaceSecret(String secret) {
    this.secret = secret;
  }

  void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  ChannelKind getKind() {
    return kind;
  }

  String getTarget() {
    return target;
  }

  boolean hasSecret() {
    return secret != null;
  }

  boolean isAllUrls() {
    return allUrls;
  }

  Set<Long> getUrlIds() {
    return Set.copyOf(urlIds);
  }

  boolean isEnabled() {
    return enabled;
  }
}

package io.upwatch.api.channel;

import io.upwatch.api.config.ApiProperties;
import io.upwatch.api.persistence.UserLock;
import io.upwatch.common.notify.ChannelKind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user's notification channels. Every method takes the owner's id. */
@Service
public class ChannelService {

  private final ChannelRepository channels;
  private final DeliveryHistory history;
  private final UserLock userLock;
  private final JdbcClient jdbc;
  private final ApiProperties properties;

  ChannelService(
      ChannelRepository channels,
      DeliveryHistory history,
      UserLock userLock,
      JdbcClient jdbc,
      ApiProperties properties) {
    this.channels = channels;
    this.history = history;
    this.userLock = userLock;
    this.jdbc = jdbc;
    this.properties = properties;
  }

  @Transactional
  public NotificationChannel create(long userId, CreateChannelRequest request) {
    // Serialise per user, so concurrent creations cannot overshoot the limit.
    userLock.lock(userId);
    if (channels.countByUserId(userId) >= properties.maxChannelCount()) {
      throw new ChannelLimitReached(properties.maxChannelCount());
    }
    ChannelKind type = ChannelKind.parse(request.type());
    ChannelTargets.checkSecret(type, request.secret());
    var channel =
        new NotificationChannel(
            userId,
            request.name(),
            type,
            ChannelTargets.validTarget(type, request.target()),
            request.secret());
    channel.routeTo(ownedUrls(userId, request.urlIds()));
    if (Boolean.FALSE.equals(request.enabled())) {
      channel.setEnabled(false);
    }
    if (channels.existsByUserIdAndName(userId, request.name())) {
      throw new ChannelNameTaken(request.name());
    }
    return save(channel);
  }

  @Transactional(readOnly = true)
  public List<NotificationChannel> list(long userId) {
    return channels.findByUserIdOrderById(userId);
  }

  @Transactional(readOnly = true)
  public NotificationChannel get(long userId, long channelId) {
    return channels.findByIdAndUserId(channelId, userId).orElseThrow(ChannelNotFound::new);
  }

  @Transactional
  public NotificationChannel update(long userId, long channelId, UpdateChannelRequest request) {
    NotificationChannel channel = get(userId, channelId);
    if (request.name() != null && !request.name().equals(channel.getName())) {
      if (channels.existsByUserIdAndName(userId, request.name())) {
        throw new ChannelNameTaken(request.name());
      }
      channel.rename(request.name());
    }
    if (request.target() != null) {
      channel.retarget(ChannelTargets.validTarget(channel.getKind(), request.target()));
    }
    if (request.secret() != null) {
      ChannelTargets.checkSecret(channel.getKind(), request.secret());
      channel.replaceSecret(request.secret());
    }
    if (request.urlIds() != null) {
      channel.routeTo(ownedUrls(userId, request.urlIds()));
    }
    if (request.enabled() != null) {
      channel.setEnabled(request.enabled());
    }
    return save(channel);
  }

  @Transactional
  public void delete(long userId, long channelId) {
    channels.delete(get(userId, channelId));
  }

  @Transactional
  public TestDeliveryResponse sendTest(long userId, long channelId) {
    return history.recordTest(get(userId, channelId));
  }

  @Transactional(readOnly = true)
  public Page<DeliveryResponse> deliveries(long userId, long channelId, Pageable pageable) {
    return history.page(get(userId, channelId).getId(), pageable);
  }

  // Ids that are not the caller's are reported exactly like ids that do not exist.
  private Set<Long> ownedUrls(long userId, Set<Long> requested) {
    if (requested == null || requested.isEmpty()) {
      return Set.of();
    }
    Set<Long> owned =
        new HashSet<>(
            jdbc.sql("SELECT id FROM urls WHERE user_id = ? AND id = ANY(?)")
                .params(userId, requested.toArray(Long[]::new))
                .query(Long.class)
                .list());
    Set<Long> unknown = new TreeSet<>(requested);
    unknown.removeAll(owned);
    if (!unknown.isEmpty()) {
      throw new InvalidChannel("urlIds", "you have no URLs with ids " + unknown);
    }
    return owned;
  }

  private NotificationChannel save(NotificationChannel channel) {
    try {
      return channels.saveAndFlush(channel);
    } catch (DataIntegrityViolationException raced) {
      throw new ChannelNameTaken(channel.getName());
    }
  }
}

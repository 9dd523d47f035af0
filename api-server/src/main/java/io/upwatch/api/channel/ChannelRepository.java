package io.upwatch.api.channel;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

/** A user's channels. Every lookup names the owner, so one user never reaches another's. */
interface ChannelRepository extends JpaRepository<NotificationChannel, Long> {

  // Responses show the linked URLs, and open-in-view is off: load them with the channel.
  @EntityGraph(attributePaths = "urlIds")
  Optional<NotificationChannel> findByIdAndUserId(long id, long userId);

  @EntityGraph(attributePaths = "urlIds")
  List<NotificationChannel> findByUserIdOrderById(long userId);

  boolean existsByUserIdAndName(long userId, String name);

  long countByUserId(long userId);
}

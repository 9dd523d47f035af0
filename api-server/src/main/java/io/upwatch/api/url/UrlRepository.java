package io.upwatch.api.url;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** A user's URLs. Every lookup names the owner, so one user never reaches another's rows. */
interface UrlRepository extends JpaRepository<MonitoredUrl, Long> {

  Optional<MonitoredUrl> findByIdAndUserId(long id, long userId);

  Optional<MonitoredUrl> findByUserIdAndName(long userId, String name);

  boolean existsByUserIdAndName(long userId, String name);

  Page<MonitoredUrl> findByUserId(long userId, Pageable pageable);

  List<MonitoredUrl> findByUserIdOrderById(long userId);

  long countByUserId(long userId);

  /**
   * Sets a heartbeat's deadline, its next expected ping. Absolute: the missed-ping pass that moves
   * it holds the row until it commits.
   */
  @Modifying
  @Query(nativeQuery = true, value = "UPDATE urls SET next_check_at = :deadline WHERE id = :id")
  void setDeadline(long id, Instant deadline);
}

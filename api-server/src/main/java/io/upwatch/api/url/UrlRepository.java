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
   * Moves the schedule cursor relative to the row's current value, which the scheduler may have
   * advanced since the entity was loaded (the statement waits for a claim holding the row and then
   * reads its result). Shifting by the change of interval keeps the next slot one new interval
   * after the last handed-out one; a resumed URL keeps its grid if its next slot is still ahead and
   * is due at once if that slot passed. Either way the cursor stays at least one interval after
   * every slot already handed out, so the next claim's slot is a new one.
   *
   * @param shiftSeconds new interval minus old interval
   * @param resumed whether the URL was paused and is resumed
   */
  @Modifying
  @Query(
      nativeQuery = true,
      value =
          """
          UPDATE urls
          SET next_check_at = greatest(next_check_at + make_interval(secs => :shiftSeconds),
                                       CASE WHEN :resumed THEN now() END)
          WHERE id = :id
          """)
  void moveCursor(long id, int shiftSeconds, boolean resumed);

  /**
   * Sets a heartbeat's deadline, its next expected ping. Absolute, unlike {@link #moveCursor}: no
   * scheduler hands out a heartbeat's slots, and the missed-ping pass that moves it holds the row
   * until it commits.
   */
  @Modifying
  @Query(nativeQuery = true, value = "UPDATE urls SET next_check_at = :deadline WHERE id = :id")
  void setDeadline(long id, Instant deadline);
}

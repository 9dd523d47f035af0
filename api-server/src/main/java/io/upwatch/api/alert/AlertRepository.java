package io.upwatch.api.alert;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Alerts, always reached through URLs the caller owns. */
interface AlertRepository extends JpaRepository<Alert, Long> {

  List<Alert> findByUrlIdOrderByOpenedAtDesc(long urlId);

  Page<Alert> findByUrlId(long urlId, Pageable pageable);

  @Query(
      """
      select a from Alert a
      where a.urlId in (select u.id from MonitoredUrl u where u.userId = :userId)
        and (:openOnly = false or a.resolvedAt is null)
      """)
  Page<Alert> findByOwner(long userId, boolean openOnly, Pageable pageable);
}

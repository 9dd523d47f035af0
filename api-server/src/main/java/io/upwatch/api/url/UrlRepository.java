package io.upwatch.api.url;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** A user's URLs. Every lookup names the owner, so one user never reaches another's rows. */
interface UrlRepository extends JpaRepository<MonitoredUrl, Long> {

  Optional<MonitoredUrl> findByIdAndUserId(long id, long userId);

  Optional<MonitoredUrl> findByUserIdAndName(long userId, String name);

  boolean existsByUserIdAndName(long userId, String name);

  Page<MonitoredUrl> findByUserId(long userId, Pageable pageable);

  List<MonitoredUrl> findByUserIdOrderById(long userId);

  long countByUserId(long userId);
}

package io.upwatch.api.status;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

/** A user's status pages. Every lookup names the owner, so one user never reaches another's. */
interface StatusPageRepository extends JpaRepository<StatusPage, Long> {

  // Responses list the monitors, and open-in-view is off: load them with the page.
  @EntityGraph(attributePaths = "monitors")
  Optional<StatusPage> findByIdAndUserId(long id, long userId);

  @EntityGraph(attributePaths = "monitors")
  List<StatusPage> findByUserIdOrderById(long userId);

  boolean existsBySlug(String slug);

  long countByUserId(long userId);
}

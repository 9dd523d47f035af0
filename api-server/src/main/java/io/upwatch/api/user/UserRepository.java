package io.upwatch.api.user;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Users by id and name. */
public interface UserRepository extends JpaRepository<UserAccount, Long> {

  Optional<UserAccount> findByUsername(String username);

  boolean existsByUsername(String username);
}

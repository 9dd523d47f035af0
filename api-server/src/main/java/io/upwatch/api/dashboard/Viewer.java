package io.upwatch.api.dashboard;

import io.upwatch.api.security.CurrentUser;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is looking at an open page: signed in or not. */
final class Viewer {

  private Viewer() {}

  static Optional<CurrentUser> current() {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof CurrentUser user
        ? Optional.of(user)
        : Optional.empty();
  }
}

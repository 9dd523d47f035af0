package io.upwatch.api.user;

import io.upwatch.api.security.TokenIssuer;
import io.upwatch.api.security.TokenIssuer.IssuedToken;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Signup and login, shared by the original's routes and {@code /api/v1}. */
@Service
public class UserService {

  private final UserRepository users;
  private final PasswordEncoder passwordEncoder;
  private final LoginThrottle throttle;
  private final TokenIssuer tokens;
  private final String unknownUserHash;

  UserService(
      UserRepository users,
      PasswordEncoder passwordEncoder,
      LoginThrottle throttle,
      TokenIssuer tokens) {
    this.users = users;
    this.passwordEncoder = passwordEncoder;
    this.throttle = throttle;
    this.tokens = tokens;
    // Checked against when the user does not exist, so both answers take as long.
    this.unknownUserHash = passwordEncoder.encode("upwatch-timing-equaliser");
  }

  @Transactional
  public UserAccount signUp(Credentials credentials) {
    if (users.existsByUsername(credentials.username())) {
      throw new UsernameTaken();
    }
    try {
      return users.saveAndFlush(
          new UserAccount(credentials.username(), passwordEncoder.encode(credentials.password())));
    } catch (DataIntegrityViolationException raced) {
      throw new UsernameTaken();
    }
  }

  /**
   * A token for valid credentials; throttled per account and per client address. Deliberately not
   * transactional: the throttle waits on Redis and the hash check burns CPU, and neither may hold
   * one of the pool's database connections (a Redis outage would otherwise starve requests that
   * need only PostgreSQL). The lookup takes a connection for its own query only.
   */
  public IssuedToken logIn(Credentials credentials, String clientAddress) {
    throttle.checkAllowed(credentials.username(), clientAddress);
    var user = users.findByUsername(credentials.username());
    String hash = user.map(UserAccount::getPasswordHash).orElse(unknownUserHash);
    boolean matches = passwordEncoder.matches(credentials.password(), hash);
    if (user.isEmpty() || !matches) {
      throttle.recordFailure(credentials.username(), clientAddress);
      throw new InvalidCredentials();
    }
    throttle.recordSuccess(credentials.username());
    return tokens.issue(user.get().getId(), user.get().getUsername());
  }
}

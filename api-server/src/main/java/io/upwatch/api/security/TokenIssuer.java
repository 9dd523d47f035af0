package io.upwatch.api.security;

import io.jsonwebtoken.Jwts;
import io.upwatch.api.config.ApiProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import javax.crypto.SecretKey;
import org.springframework.stereotype.Component;

/**
 * Issues access tokens signed with jjwt (HS256, the key {@link JjwtDecoder} verifies with); the
 * {@code username} claim matches the original's tokens.
 */
@Component
public class TokenIssuer {

  static final String USERNAME_CLAIM = "username";

  private final SecretKey key;
  private final Duration lifetime;
  private final Clock clock;

  TokenIssuer(SecretKey jwtKey, ApiProperties properties, Clock clock) {
    this.key = jwtKey;
    this.lifetime = properties.jwt().tokenLifetime();
    this.clock = clock;
  }

  /** A token for the user, valid for the configured lifetime. */
  public IssuedToken issue(long userId, String username) {
    // Whole seconds: the token carries no more, and the response's expiry must match it.
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant expiresAt = now.plus(lifetime);
    String token =
        Jwts.builder()
            .header()
            .type("JWT")
            .and()
            .subject(Long.toString(userId))
            .claim(USERNAME_CLAIM, username)
            .issuedAt(Date.from(now))
            .expiration(Date.from(expiresAt))
            .signWith(key, Jwts.SIG.HS256)
            .compact();
    return new IssuedToken(token, expiresAt);
  }

  /**
   * A signed token and when it stops being accepted.
   *
   * @param value the compact JWT
   * @param expiresAt its expiry
   */
  public record IssuedToken(String value, Instant expiresAt) {}
}

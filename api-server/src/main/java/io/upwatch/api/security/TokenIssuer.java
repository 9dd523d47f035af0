package io.upwatch.api.security;

import io.upwatch.api.config.ApiProperties;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Issues signed access tokens; the {@code username} claim matches the original's tokens. */
@Component
public class TokenIssuer {

  static final String USERNAME_CLAIM = "username";

  private final JwtEncoder encoder;
  private final ApiProperties properties;
  private final Clock clock;

  TokenIssuer(JwtEncoder encoder, ApiProperties properties, Clock clock) {
    this.encoder = encoder;
    this.properties = properties;
    this.clock = clock;
  }

  /** A token for the user, valid for the configured lifetime. */
  public IssuedToken issue(long userId, String username) {
    Instant now = clock.instant();
    Instant expiresAt = now.plus(properties.jwt().tokenLifetime());
    var claims =
        JwtClaimsSet.builder()
            .subject(Long.toString(userId))
            .claim(USERNAME_CLAIM, username)
            .issuedAt(now)
            .expiresAt(expiresAt)
            .build();
    var header = JwsHeader.with(MacAlgorithm.HS256).type("JWT").build();
    String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
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

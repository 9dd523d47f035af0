package io.upwatch.api.security;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.crypto.SecretKey;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Spring Security's resource server verifies bearer tokens through this decoder: jjwt checks the
 * token, and the verified claims become Spring's {@link Jwt}. Accepted are HS256 signatures with
 * the configured key only (not {@code alg=none}, not HS384/HS512 with the same key), a {@code typ}
 * of JWT or none, an {@code exp} (required: a token without one would never expire) and a subject;
 * {@code exp} and {@code nbf} are checked with {@link #CLOCK_SKEW} of leeway. Every refusal is a
 * {@link BadJwtException}, which the resource server answers with 401.
 */
final class JjwtDecoder implements JwtDecoder {

  static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

  private final JwtParser parser;

  JjwtDecoder(SecretKey key, Clock clock) {
    this.parser =
        Jwts.parser()
            .verifyWith(key)
            .sig()
            .clear()
            .add(Jwts.SIG.HS256)
            .and()
            .clock(() -> Date.from(clock.instant()))
            .clockSkewSeconds(CLOCK_SKEW.toSeconds())
            .build();
  }

  @Override
  public Jwt decode(String token) {
    try {
      var jws = parser.parseSignedClaims(token);
      Claims claims = jws.getPayload();
      String type = jws.getHeader().getType();
      if (type != null && !type.equalsIgnoreCase("JWT")) {
        throw new BadJwtException("Token type is not JWT");
      }
      if (claims.getExpiration() == null || claims.getSubject() == null) {
        throw new BadJwtException("Token has no expiry or no subject");
      }
      return Jwt.withTokenValue(token)
          .headers(headers -> headers.putAll(jws.getHeader()))
          .claims(all -> all.putAll(claims))
          .expiresAt(claims.getExpiration().toInstant())
          .issuedAt(instant(claims.getIssuedAt()))
          .notBefore(instant(claims.getNotBefore()))
          .build();
    } catch (BadJwtException e) {
      throw e;
    } catch (RuntimeException e) {
      // jjwt's JwtException, and the IllegalArgumentException of malformed input or claims.
      throw new BadJwtException("Invalid token: " + e.getMessage(), e);
    }
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}

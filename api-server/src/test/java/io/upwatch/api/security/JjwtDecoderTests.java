package io.upwatch.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.upwatch.api.config.ApiProperties;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;

class JjwtDecoderTests {

  static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  static final SecretKey KEY = key("test-only-secret-0123456789abcdef0123456789");

  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  final JjwtDecoder decoder = new JjwtDecoder(KEY, clock);

  @Test
  void issuedTokenIsAcceptedWithItsClaims() {
    var properties =
        new ApiProperties(
            new ApiProperties.Jwt(null, false, Duration.ofHours(72)),
            0,
            0,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "",
            null);
    var issued = new TokenIssuer(KEY, properties, clock).issue(42, "alice");

    var jwt = decoder.decode(issued.value());

    assertThat(jwt.getSubject()).isEqualTo("42");
    assertThat(jwt.getClaimAsString(TokenIssuer.USERNAME_CLAIM)).isEqualTo("alice");
    assertThat(jwt.getIssuedAt()).isEqualTo(NOW);
    assertThat(jwt.getExpiresAt())
        .isEqualTo(issued.expiresAt())
        .isEqualTo(NOW.plus(Duration.ofHours(72)));
    assertThat(jwt.getHeaders()).containsEntry("alg", "HS256");
  }

  @Test
  void tokenSignedWithAnotherKeyIsRefused() {
    assertRefused(valid().signWith(key("another-secret-another-secret-0123456789")).compact());
  }

  @Test
  void tokenSignedWithHs384OrHs512AndTheRightKeyIsRefused() {
    SecretKey longKey = key("x".repeat(64));
    var strictDecoder = new JjwtDecoder(longKey, clock);
    assertThat(strictDecoder.decode(valid().signWith(longKey, Jwts.SIG.HS256).compact()))
        .isNotNull();
    assertRefused(strictDecoder, valid().signWith(longKey, Jwts.SIG.HS384).compact());
    assertRefused(strictDecoder, valid().signWith(longKey, Jwts.SIG.HS512).compact());
  }

  @Test
  void unsignedAlgNoneTokenIsRefused() {
    String header = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
    String claims =
        encode("{\"sub\":\"42\",\"exp\":" + NOW.plusSeconds(3600).getEpochSecond() + "}");
    assertRefused(header + "." + claims + ".");
    assertRefused(valid().compact());
  }

  @Test
  void expiredTokenIsRefusedBeyondTheClockSkew() {
    Instant expired = NOW.minus(JjwtDecoder.CLOCK_SKEW).minusSeconds(1);
    assertRefused(
        valid()
            .issuedAt(Date.from(NOW.minusSeconds(3600)))
            .expiration(Date.from(expired))
            .signWith(KEY)
            .compact());
    Instant withinSkew = NOW.minus(JjwtDecoder.CLOCK_SKEW).plusSeconds(1);
    Instant issued = NOW.minusSeconds(3600);
    assertThat(
            decoder.decode(
                valid()
                    .issuedAt(Date.from(issued))
                    .expiration(Date.from(withinSkew))
                    .signWith(KEY)
                    .compact()))
        .isNotNull();
  }

  @Test
  void tokenWithoutExpiryOrSubjectIsRefused() {
    assertRefused(Jwts.builder().subject("42").signWith(KEY).compact());
    assertRefused(
        Jwts.builder().expiration(Date.from(NOW.plusSeconds(3600))).signWith(KEY).compact());
  }

  @Test
  void tokenNotValidBeforeALaterTimeIsRefused() {
    Instant later = NOW.plus(JjwtDecoder.CLOCK_SKEW).plusSeconds(60);
    assertRefused(valid().notBefore(Date.from(later)).signWith(KEY).compact());
  }

  @Test
  void tokenOfAnotherTypeIsRefused() {
    assertRefused(valid().header().type("at+jwt").and().signWith(KEY).compact());
  }

  @Test
  void garbageIsRefused() {
    assertRefused("not-a-jwt");
    assertRefused("a.b.c");
    assertRefused("");
  }

  private static JwtBuilder valid() {
    return Jwts.builder()
        .subject("42")
        .claim(TokenIssuer.USERNAME_CLAIM, "alice")
        .issuedAt(Date.from(NOW))
        .expiration(Date.from(NOW.plusSeconds(3600)));
  }

  private void assertRefused(String token) {
    assertRefused(decoder, token);
  }

  private static void assertRefused(JjwtDecoder decoder, String token) {
    assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(token));
  }

  private static SecretKey key(String secret) {
    return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}

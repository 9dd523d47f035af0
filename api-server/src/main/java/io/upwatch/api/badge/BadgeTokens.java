package io.upwatch.api.badge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A URL's badge token: 192 random bits, shown once to the owner and stored only as its SHA-256
 * digest. Creating a token for a URL that has one replaces it, so the old one stops working.
 */
@Repository
public class BadgeTokens {

  /** A token as issued: 32 characters of base64url. */
  static final String PATTERN = "[A-Za-z0-9_-]{32}";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;

  BadgeTokens(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A new token issued for the URL; {@code created} is false when it replaced an earlier one. */
  public record Issued(String token, boolean created) {}

  /**
   * Issues a token for the user's URL: the ownership check and the write in one statement, so a URL
   * deleted meanwhile is simply not found. Empty when the user has no such URL.
   */
  public Optional<Issued> issue(long userId, long urlId) {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    // xmax is 0 for a row this statement inserted, not for one it updated.
    return jdbc.sql(
            """
            INSERT INTO url_badges (url_id, token_hash)
            SELECT id, ? FROM urls WHERE id = ? AND user_id = ?
            ON CONFLICT (url_id) DO UPDATE
                SET token_hash = EXCLUDED.token_hash, created_at = now()
            RETURNING xmax = 0
            """)
        .params(digest(token), urlId, userId)
        .query(Boolean.class)
        .optional()
        .map(created -> new Issued(token, created));
  }

  public void revoke(long urlId) {
    jdbc.sql("DELETE FROM url_badges WHERE url_id = ?").param(urlId).update();
  }

  /** Whether the URL has a badge token (the token itself cannot be shown again). */
  public boolean exists(long urlId) {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM url_badges WHERE url_id = ?)")
        .param(urlId)
        .query(Boolean.class)
        .single();
  }

  /** The URL the token stands for, empty for a malformed, unknown or revoked token. */
  Optional<Long> urlOf(String token) {
    if (!token.matches(PATTERN)) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT url_id FROM url_badges WHERE token_hash = ?")
        .param(digest(token))
        .query(Long.class)
        .optional();
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }
}

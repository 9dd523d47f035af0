package io.upwatch.api.heartbeat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.upwatch.api.config.ApiProperties;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Resolves ping tokens to their monitor through a bounded cache, so a burst of pings reads
 * PostgreSQL at most once per token and cache lifetime. Unknown tokens are remembered too: a flood
 * of pings to a deleted monitor does not reach the database either.
 */
@Component
public class PingTokens {

  private static final String LOOKUP =
      "SELECT id, enabled FROM urls WHERE ping_token = ? AND kind = 'HEARTBEAT'";

  private final JdbcClient jdbc;
  private final Cache<String, Optional<PingTarget>> cache;

  PingTokens(JdbcClient jdbc, ApiProperties properties) {
    this.jdbc = jdbc;
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(properties.heartbeat().tokenCacheSize())
            .expireAfterWrite(properties.heartbeat().tokenCacheTtl())
            .build();
  }

  /** The token's monitor, or empty when no heartbeat has it. */
  Optional<PingTarget> resolve(String token) {
    if (!PingToken.wellFormed(token)) {
      return Optional.empty();
    }
    return cache.get(token, this::load);
  }

  /**
   * Forgets a token whose monitor changed (rotated, paused, resumed, deleted) on this replica;
   * other replicas follow within the cache lifetime.
   */
  public void forget(String token) {
    if (token != null) {
      cache.invalidate(token);
    }
  }

  private Optional<PingTarget> load(String token) {
    return jdbc.sql(LOOKUP)
        .param(token)
        .query((rs, row) -> new PingTarget(rs.getLong("id"), rs.getBoolean("enabled")))
        .optional();
  }
}

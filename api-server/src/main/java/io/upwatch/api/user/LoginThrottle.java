package io.upwatch.api.user;

import io.upwatch.api.config.ApiProperties;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per account and per client address in Redis, shared by every API replica. A
 * key counts failures in a fixed window that starts with its first failure; at the limit, further
 * attempts are refused until the window ends, before any password is hashed.
 */
@Component
class LoginThrottle {

  private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
  private static final String PREFIX = "upwatch:login-failures:";

  // Returns the larger remaining lockout (ms) among keys at their limit, or 0.
  private static final RedisScript<Long> CHECK =
      RedisScript.of(
          """
          local wait = 0
          for i, key in ipairs(KEYS) do
            local count = tonumber(redis.call('GET', key) or '0')
            if count >= tonumber(ARGV[i]) then
              local ttl = redis.call('PTTL', key)
              if ttl > wait then wait = ttl end
            end
          end
          return wait
          """,
          Long.class);

  // Returns the new count of each key, in the order of KEYS.
  @SuppressWarnings("rawtypes")
  private static final RedisScript<List> RECORD_FAILURE =
      RedisScript.of(
          """
          local counts = {}
          for i, key in ipairs(KEYS) do
            counts[i] = redis.call('INCR', key)
            if counts[i] == 1 then
              redis.call('PEXPIRE', key, ARGV[1])
            end
          end
          return counts
          """,
          List.class);

  private final StringRedisTemplate redis;
  private final ApiProperties.LoginThrottle limits;

  LoginThrottle(StringRedisTemplate redis, ApiProperties properties) {
    this.redis = redis;
    this.limits = properties.loginThrottle();
  }

  /** Throws {@link TooManyLoginAttempts} while the account or the address is locked. */
  void checkAllowed(String username, String address) {
    Long waitMillis =
        run(
            () ->
                redis.execute(
                    CHECK,
                    keys(username, address),
                    Integer.toString(limits.maxFailuresPerAccount()),
                    Integer.toString(limits.maxFailuresPerAddress())));
    if (waitMillis != null && waitMillis > 0) {
      throw new TooManyLoginAttempts(Duration.ofMillis(waitMillis).plusSeconds(1).withNanos(0));
    }
  }

  /** Counts a failed login; logs at WARN when it locks the account or the address. */
  void recordFailure(String username, String address) {
    List<?> counts =
        run(
            () ->
                redis.execute(
                    RECORD_FAILURE,
                    keys(username, address),
                    Long.toString(limits.window().toMillis())));
    // Logged once, on the failure that reaches the limit, not on every refused attempt after it.
    if (reachedLimit(counts, 0, limits.maxFailuresPerAccount())) {
      log.warn(
          "Logins for account '{}' locked for {} after {} failed attempts",
          username,
          limits.window(),
          limits.maxFailuresPerAccount());
    }
    if (reachedLimit(counts, 1, limits.maxFailuresPerAddress())) {
      log.warn(
          "Logins from address {} locked for {} after {} failed attempts (last account tried: '{}')",
          address,
          limits.window(),
          limits.maxFailuresPerAddress(),
          username);
    }
  }

  private static boolean reachedLimit(List<?> counts, int index, int limit) {
    return counts != null
        && counts.size() > index
        && counts.get(index) instanceof Number count
        && count.longValue() == limit;
  }

  /** A successful login clears the account's count; the address keeps its own. */
  void recordSuccess(String username) {
    run(() -> redis.delete(accountKey(username)));
  }

  private static List<String> keys(String username, String address) {
    return List.of(accountKey(username), PREFIX + "address:" + address);
  }

  private static String accountKey(String username) {
    return PREFIX + "account:" + username.toLowerCase(Locale.ROOT);
  }

  private static <T> T run(java.util.function.Supplier<T> operation) {
    try {
      return operation.get();
    } catch (DataAccessException e) {
      log.warn("Login throttle unavailable, refusing logins: {}", e.getMessage());
      throw new LoginThrottleUnavailable();
    }
  }
}

package io.upwatch.api.user;

import io.upwatch.api.config.ApiProperties;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.stereotype.Component;

/**
 * Limits failed logins per account and per client address with Redisson rate limiters in Redis,
 * shared by every API replica. Each failure takes a permit; a limiter allows its limit of failures
 * in any sliding window. With none left, further attempts are refused before any password is
 * hashed, until the oldest failure leaves the window (at most the window: Retry-After says so).
 * Idle limiters expire after one window.
 *
 * <p>Every Redis call is bounded by the Redisson client's timeouts, and each method's calls
 * together by {@code spring.data.redis.timeout} (plus 200 ms); a failed or late call refuses the
 * login with 503 rather than let unthrottled guessing through. The caller holds no database
 * connection meanwhile.
 */
@Component
class LoginThrottle {

  private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
  private static final String PREFIX = "upwatch:login-failures:";

  // Beyond the client's own bound on each call: a chain of calls answers within this too.
  private static final Duration DEADLINE_MARGIN = Duration.ofMillis(200);

  // Each retry needs another success to land between its own set-up and call.
  private static final int SET_UP_ATTEMPTS = 5;

  private final RedissonClient redisson;
  private final ApiProperties.LoginThrottle limits;
  private final Duration deadline;

  LoginThrottle(RedissonClient redisson, ApiProperties properties, DataRedisProperties redis) {
    this.redisson = redisson;
    this.limits = properties.loginThrottle();
    this.deadline =
        (redis.getTimeout() != null ? redis.getTimeout() : Duration.ofSeconds(3))
            .plus(DEADLINE_MARGIN);
  }

  /** Throws {@link TooManyLoginAttempts} while the account or the address is locked. */
  void checkAllowed(String username, String address) {
    // Both limiters are asked at once: one round trip's wait, not two.
    var accountLeft =
        onLimiter(
            accountKey(username),
            limits.maxFailuresPerAccount(),
            RRateLimiter::availablePermitsAsync);
    var addressLeft =
        onLimiter(
            addressKey(address),
            limits.maxFailuresPerAddress(),
            RRateLimiter::availablePermitsAsync);
    long until = deadline();
    if (await(accountLeft, until) == 0 || await(addressLeft, until) == 0) {
      throw new TooManyLoginAttempts(limits.window());
    }
  }

  /** Counts a failed login; logs at WARN when it locks the account or the address. */
  void recordFailure(String username, String address) {
    var account =
        onLimiter(
            accountKey(username), limits.maxFailuresPerAccount(), LoginThrottle::takeLastPermit);
    var from =
        onLimiter(
            addressKey(address), limits.maxFailuresPerAddress(), LoginThrottle::takeLastPermit);
    long until = deadline();
    // Logged once, on the failure that reaches the limit, not on every refused attempt after it.
    if (await(account, until)) {
      log.warn(
          "Logins for account '{}' locked for {} after {} failed attempts",
          username,
          limits.window(),
          limits.maxFailuresPerAccount());
    }
    if (await(from, until)) {
      log.warn(
          "Logins from address {} locked for {} after {} failed attempts (last account tried: '{}')",
          address,
          limits.window(),
          limits.maxFailuresPerAddress(),
          username);
    }
  }

  /** A successful login clears the account's failures; the address keeps its own. */
  void recordSuccess(String username) {
    await(redisson.getRateLimiter(accountKey(username)).deleteAsync(), deadline());
  }

  /**
   * Runs {@code call} on the limiter, set up first where it is not. A successful login deletes the
   * account's limiter, possibly between the set-up and the call of a concurrent attempt, which then
   * finds it uninitialised: that attempt sets it up again and retries, as if it came after. Under a
   * burst of successful logins to one account this can repeat, so it retries a few times.
   */
  private <T> CompletionStage<T> onLimiter(
      String key, int maxFailures, Function<RRateLimiter, CompletionStage<T>> call) {
    return onLimiter(key, maxFailures, call, SET_UP_ATTEMPTS);
  }

  private <T> CompletionStage<T> onLimiter(
      String key,
      int maxFailures,
      Function<RRateLimiter, CompletionStage<T>> call,
      int attemptsLeft) {
    return limiter(key, maxFailures)
        .thenCompose(call)
        .exceptionallyCompose(
            e ->
                attemptsLeft > 1 && deletedMeanwhile(e)
                    ? onLimiter(key, maxFailures, call, attemptsLeft - 1)
                    : CompletableFuture.failedFuture(e));
  }

  private static boolean deletedMeanwhile(Throwable error) {
    for (Throwable e = error; e != null; e = e.getCause()) {
      if (e.getMessage() != null && e.getMessage().contains("RateLimiter is not initialized")) {
        return true;
      }
    }
    return false;
  }

  private CompletionStage<RRateLimiter> limiter(String key, int maxFailures) {
    RRateLimiter limiter = redisson.getRateLimiter(key);
    // Sets the rate only where none is set yet; the limiter lives one idle window.
    return limiter
        .trySetRateAsync(RateType.OVERALL, maxFailures, limits.window(), limits.window())
        .thenApply(created -> limiter);
  }

  /** Takes a permit for a failure; true when it was the last one, i.e. the failure locks. */
  private static CompletionStage<Boolean> takeLastPermit(RRateLimiter limiter) {
    return limiter
        .tryAcquireAsync()
        .thenCompose(
            taken ->
                taken
                    ? limiter.availablePermitsAsync().thenApply(left -> left == 0)
                    : CompletableFuture.completedFuture(false));
  }

  private static String accountKey(String username) {
    return PREFIX + "account:" + username.toLowerCase(Locale.ROOT);
  }

  private static String addressKey(String address) {
    return PREFIX + "address:" + address;
  }

  private long deadline() {
    return System.nanoTime() + deadline.toNanos();
  }

  /** The call's result, or 503 when Redis fails or does not answer by the deadline. */
  private static <T> T await(CompletionStage<T> call, long deadlineNanos) {
    try {
      return call.toCompletableFuture()
          .get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (ExecutionException | RedisException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      log.warn("Login throttle unavailable, refusing logins: {}", cause.toString());
      throw new LoginThrottleUnavailable();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LoginThrottleUnavailable();
    }
  }
}

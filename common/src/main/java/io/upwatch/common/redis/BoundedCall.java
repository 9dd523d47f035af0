package io.upwatch.common.redis;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A Redis call that must not hold up its caller longer than a bound, whatever Redis does: run on a
 * virtual thread of its own and abandoned at the bound. For shutdown paths: a connection still
 * being opened ignores command timeouts, and a server that accepts connections but never answers
 * would hold a stopping role for the connect timeout and more.
 */
public final class BoundedCall {

  private BoundedCall() {}

  /**
   * The call's result, or its failure; a {@link java.util.concurrent.TimeoutException} wrapped in
   * an {@link IllegalStateException} when it took longer than {@code bound}.
   */
  public static <T> T within(Duration bound, String name, Supplier<T> call) {
    try {
      return CompletableFuture.supplyAsync(call, task -> Thread.ofVirtual().name(name).start(task))
          .orTimeout(bound.toMillis(), TimeUnit.MILLISECONDS)
          .join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(name + " gave no answer within " + bound, e.getCause());
    }
  }
}

package io.upwatch.common.queue;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceExceptionConverter;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Commands sent together on the shared Lettuce connection under Spring's template, and their
 * replies awaited together: one round trip per Redis node for a whole batch, on a single server and
 * on a cluster alike (Lettuce sends each command to the node of its key), without the dedicated
 * connection a Spring pipeline takes. Failures come out as Spring's {@link DataAccessException}s,
 * as from the template's own operations.
 */
final class AsyncBatch {

  /** One call of a script: its keys (all in one hash slot) and arguments. */
  record ScriptCall(List<String> keys, List<String> args) {}

  // Each command also times out at Lettuce's command timeout (spring.data.redis.timeout); this
  // bounds the whole batch should that not apply.
  private static final Duration BACKSTOP = Duration.ofSeconds(10);
  private static final LettuceExceptionConverter EXCEPTIONS = new LettuceExceptionConverter();

  private final StringRedisTemplate redis;

  AsyncBatch(StringRedisTemplate redis) {
    this.redis = redis;
  }

  /** Sends the commands {@code send} issues, then waits for every reply, in issue order. */
  <T> List<T> run(Function<RedisClusterAsyncCommands<byte[], byte[]>, List<RedisFuture<T>>> send) {
    return redis.execute(
        (RedisCallback<List<T>>)
            connection -> {
              List<RedisFuture<T>> futures = send.apply(commands(connection));
              long deadline = System.nanoTime() + BACKSTOP.toNanos();
              List<T> replies = new ArrayList<>(futures.size());
              for (RedisFuture<T> future : futures) {
                replies.add(await(future, deadline, futures));
              }
              return replies;
            });
  }

  /** One command; its reply. */
  <T> T one(Function<RedisClusterAsyncCommands<byte[], byte[]>, RedisFuture<T>> send) {
    return run(commands -> List.of(send.apply(commands))).getFirst();
  }

  /**
   * Runs a script once per call, all calls in flight at once (EVALSHA, and EVAL where a node does
   * not know the script yet); the replies in call order.
   */
  <T> List<T> eval(RedisScript<?> script, ScriptOutputType type, List<ScriptCall> calls) {
    return redis.execute(
        (RedisCallback<List<T>>)
            connection -> {
              var commands = commands(connection);
              List<RedisFuture<T>> futures = new ArrayList<>(calls.size());
              for (ScriptCall call : calls) {
                futures.add(commands.evalsha(script.getSha1(), type, keys(call), args(call)));
              }
              long deadline = System.nanoTime() + BACKSTOP.toNanos();
              List<T> replies = new ArrayList<>(calls.size());
              for (int i = 0; i < calls.size(); i++) {
                try {
                  replies.add(await(futures.get(i), deadline, futures));
                } catch (RedisSystemException e) {
                  if (!RedisError.is(e, "NOSCRIPT")) {
                    throw e;
                  }
                  RedisFuture<T> loaded =
                      commands.eval(
                          utf8(script.getScriptAsString()),
                          type,
                          keys(calls.get(i)),
                          args(calls.get(i)));
                  replies.add(await(loaded, deadline, List.of(loaded)));
                }
              }
              return replies;
            });
  }

  static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  private static RedisClusterAsyncCommands<byte[], byte[]> commands(RedisConnection connection) {
    // Lettuce's standalone and cluster command interfaces both extend this one.
    return (RedisClusterAsyncCommands<byte[], byte[]>) connection.getNativeConnection();
  }

  private static <T> T await(Future<T> future, long deadline, List<? extends Future<?>> batch) {
    try {
      return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw translate(e.getCause());
    } catch (TimeoutException e) {
      batch.forEach(f -> f.cancel(true));
      throw new QueryTimeoutException("Redis did not answer within " + BACKSTOP, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      batch.forEach(f -> f.cancel(true));
      throw new RedisSystemException("Interrupted while waiting for Redis", e);
    }
  }

  private static RuntimeException translate(Throwable failure) {
    if (failure instanceof DataAccessException translated) {
      return translated;
    }
    if (failure instanceof Exception exception) {
      DataAccessException translated = EXCEPTIONS.translate(exception);
      if (translated != null) {
        return translated;
      }
      return new RedisSystemException(exception.getMessage(), exception);
    }
    return new RedisSystemException(failure.getMessage(), failure);
  }

  private static byte[][] keys(ScriptCall call) {
    return call.keys().stream().map(AsyncBatch::utf8).toArray(byte[][]::new);
  }

  private static byte[][] args(ScriptCall call) {
    return call.args().stream().map(AsyncBatch::utf8).toArray(byte[][]::new);
  }
}

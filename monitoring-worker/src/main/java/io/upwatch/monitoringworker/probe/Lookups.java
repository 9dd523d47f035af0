package io.upwatch.monitoringworker.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Name lookups bounded by a check's deadline. The JDK's resolver cannot be told a timeout, so each
 * lookup runs on a virtual thread of its own and the check stops waiting at the deadline.
 */
final class Lookups {

  private static final Executor LOOKUPS =
      command -> Thread.ofVirtual().name("lookup").start(command);

  private Lookups() {}

  /**
   * The host's addresses, as the system resolver (hosts file, then DNS) gives them. An address
   * literal is parsed on the calling thread: there is nothing to wait for.
   */
  static List<InetAddress> addresses(String host, long deadlineNanos)
      throws UnknownHostException, TimeoutException, InterruptedException {
    if (isLiteral(host)) {
      return List.of(InetAddress.getByName(host));
    }
    return within(
        () -> {
          try {
            return List.of(InetAddress.getAllByName(host));
          } catch (UnknownHostException e) {
            throw new LookupFailed(e);
          }
        },
        deadlineNanos);
  }

  /**
   * Whether the JDK parses {@code host} as an address without a lookup: a dotted IPv4 quad, or an
   * IPv6 literal (any colon: the JDK refuses an invalid one rather than look it up).
   */
  static boolean isLiteral(String host) {
    if (host.indexOf(':') >= 0) {
      return true;
    }
    int parts = 0;
    int value = -1;
    for (int i = 0; i <= host.length(); i++) {
      char c = i == host.length() ? '.' : host.charAt(i);
      if (c == '.') {
        if (value < 0 || value > 255) {
          return false;
        }
        parts++;
        value = -1;
      } else if (c >= '0' && c <= '9' && value < 1000) {
        value = (value < 0 ? 0 : value * 10) + (c - '0');
      } else {
        return false;
      }
    }
    return parts == 4;
  }

  /** Runs a lookup on its own virtual thread and waits for it until the deadline. */
  static <T> T within(Supplier<T> lookup, long deadlineNanos)
      throws UnknownHostException, TimeoutException, InterruptedException {
    long remaining = deadlineNanos - System.nanoTime();
    if (remaining <= 0) {
      throw new TimeoutException("Deadline passed before the lookup");
    }
    var future = CompletableFuture.supplyAsync(lookup, LOOKUPS);
    try {
      return future.get(remaining, TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof LookupFailed failed) {
        throw failed.cause;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      future.cancel(true);
    }
  }

  /** Carries a lookup's checked failure out of the supplier. */
  static final class LookupFailed extends RuntimeException {
    private final UnknownHostException cause;

    LookupFailed(UnknownHostException cause) {
      super(cause.getMessage(), cause, false, false);
      this.cause = cause;
    }
  }
}

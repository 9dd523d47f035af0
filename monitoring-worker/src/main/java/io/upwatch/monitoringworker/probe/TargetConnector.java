package io.upwatch.monitoringworker.probe;

import io.upwatch.common.outbound.TargetPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Opens the TCP connection of one hop: the host resolved within the deadline, its addresses
 * filtered by the {@link TargetPolicy} (so every hop, and every lookup of it, is checked: DNS
 * rebinding cannot slip past), then each permitted address tried in turn, each for at most the
 * connect timeout and never past the deadline, directly (no proxy). Blocks the calling (virtual)
 * thread.
 */
final class TargetConnector {

  private final TargetPolicy policy;
  private final long connectTimeoutNanos;

  TargetConnector(TargetPolicy policy, Duration connectTimeout) {
    this.policy = policy;
    this.connectTimeoutNanos = connectTimeout.toNanos();
  }

  Socket connect(URI target, long deadlineNanos)
      throws IOException, TimeoutException, InterruptedException {
    String host = host(target);
    int port = port(target);
    List<InetSocketAddress> resolved = new ArrayList<>();
    for (InetAddress address : Lookups.addresses(host, deadlineNanos)) {
      resolved.add(new InetSocketAddress(address, port));
    }
    IOException failure = null;
    for (InetSocketAddress address : policy.permitted(host, resolved)) {
      long attemptEnd = Math.min(deadlineNanos, System.nanoTime() + connectTimeoutNanos);
      // Straight to the vetted address: no proxy selection (a JVM-wide SOCKS proxy would connect
      // somewhere the policy never saw), and none of its per-connection work either.
      var socket = new Socket(Proxy.NO_PROXY);
      try {
        // Timed, unlike the reads (DeadlineWatch): a timed connect first polls whether the
        // handshake is already done, as it is on a near target, and only then parks; an untimed
        // one always parks and is woken by the poller, which costs more than the timer it saves.
        socket.connect(address, Deadlines.remainingMillis(attemptEnd, "connecting"));
        return socket;
      } catch (SocketTimeoutException e) {
        socket.close();
        if (Deadlines.passed(deadlineNanos)) {
          throw Deadlines.exceeded("connecting", e);
        }
        failure = e;
      } catch (IOException e) {
        socket.close();
        if (Thread.currentThread().isInterrupted()) {
          throw e;
        }
        failure = e;
      }
    }
    throw failure;
  }

  /** The host to resolve: an IPv6 literal without its brackets. */
  static String host(URI target) {
    String host = target.getHost();
    return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
  }

  static int port(URI target) {
    return target.getPort() >= 0 ? target.getPort() : defaultPort(target);
  }

  static int defaultPort(URI target) {
    return "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
  }
}

package io.upwatch.monitoringworker.probe;

import io.upwatch.common.FailureKind;
import io.upwatch.common.outbound.TargetPolicy;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A TCP check of {@code tcp://host:port}: succeeds when a connection is established within the
 * deadline, then closes it without sending anything. The host is resolved within the deadline and
 * its addresses filtered by the same {@link TargetPolicy} as HTTP checks; the first permitted one
 * is tried.
 */
final class TcpProber {

  private final TargetPolicy policy;

  TcpProber(TargetPolicy policy) {
    this.policy = policy;
  }

  ProbeOutcome probe(String target, Duration timeout) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    URI uri;
    try {
      uri = URI.create(target);
    } catch (IllegalArgumentException e) {
      return ProbeOutcome.failed(FailureKind.OTHER, since(start), "not a tcp://host:port target");
    }
    if (!"tcp".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1) {
      return ProbeOutcome.failed(FailureKind.OTHER, since(start), "not a tcp://host:port target");
    }
    try {
      List<InetAddress> addresses = Lookups.addresses(uri.getHost(), deadline);
      InetSocketAddress permitted =
          addresses.stream()
              .map(address -> new InetSocketAddress(address, uri.getPort()))
              .filter(policy::permits)
              .findFirst()
              .orElse(null);
      if (permitted == null) {
        return ProbeOutcome.failed(
            FailureKind.FORBIDDEN_TARGET, since(start), "outbound policy forbids " + addresses);
      }
      connect(permitted, deadline);
      return new ProbeOutcome(null, null, since(start));
    } catch (UnknownHostException e) {
      return ProbeOutcome.failed(FailureKind.DNS, since(start), uri.getHost() + " did not resolve");
    } catch (TimeoutException | SocketTimeoutException e) {
      return ProbeOutcome.failed(FailureKind.TIMEOUT, since(start));
    } catch (ConnectException | NoRouteToHostException e) {
      return ProbeOutcome.failed(FailureKind.CONNECT, since(start), e.getMessage());
    } catch (IOException e) {
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      return ProbeOutcome.failed(FailureKind.CONNECT, since(start), e.toString());
    }
  }

  private static void connect(InetSocketAddress address, long deadline)
      throws IOException, TimeoutException {
    long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    if (remainingMillis <= 0) {
      throw new TimeoutException("Deadline passed before connecting");
    }
    // A virtual thread parks while connecting; interrupting it closes the socket. No proxy: the
    // connection goes to the address the policy vetted (as in TargetConnector).
    try (var socket = new Socket(Proxy.NO_PROXY)) {
      socket.connect(address, (int) Math.min(Integer.MAX_VALUE, remainingMillis));
    }
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}

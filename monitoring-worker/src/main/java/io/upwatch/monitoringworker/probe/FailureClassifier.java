package io.upwatch.monitoringworker.probe;

import io.upwatch.common.FailureKind;
import io.upwatch.common.outbound.ForbiddenTarget;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** Maps what a check's connection threw onto the {@link FailureKind} a result reports. */
final class FailureClassifier {

  private static final int MAX_CAUSES = 16;

  private FailureClassifier() {}

  static FailureKind classify(Throwable failure) {
    List<Throwable> chain = causes(failure);
    // Order matters: a deadline that passes during the TLS handshake is a timeout, and a socket
    // exception that says "refused" is a connect failure rather than a reset.
    if (has(chain, ForbiddenTarget.class)) {
      return FailureKind.FORBIDDEN_TARGET;
    }
    if (has(chain, TimeoutException.class)) {
      return FailureKind.TIMEOUT;
    }
    if (has(chain, UnknownHostException.class)) {
      return FailureKind.DNS;
    }
    if (has(chain, SSLException.class)) {
      return FailureKind.TLS;
    }
    if (has(chain, ConnectException.class)
        || has(chain, NoRouteToHostException.class)
        || has(chain, PortUnreachableException.class)
        || has(chain, SocketTimeoutException.class)) { // the connect timeout; reads end as timeouts
      return FailureKind.CONNECT;
    }
    if (has(chain, MalformedResponse.class) || has(chain, InvalidRedirect.class)) {
      return FailureKind.PROTOCOL;
    }
    if (has(chain, EOFException.class)
        || has(chain, ClosedChannelException.class)
        || has(chain, SocketException.class)) {
      return FailureKind.RESET;
    }
    return FailureKind.OTHER;
  }

  private static List<Throwable> causes(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = failure;
        t != null && chain.size() < MAX_CAUSES && !chain.contains(t);
        t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  private static boolean has(List<Throwable> chain, Class<?> type) {
    return chain.stream().anyMatch(type::isInstance);
  }
}

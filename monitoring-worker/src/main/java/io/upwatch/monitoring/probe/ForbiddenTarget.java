package io.upwatch.monitoring.probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;

/** The outbound policy forbids every address a check's host resolved to. */
final class ForbiddenTarget extends IOException {

  ForbiddenTarget(String host, List<InetSocketAddress> addresses) {
    super("Outbound policy forbids " + host + " " + addresses);
  }
}

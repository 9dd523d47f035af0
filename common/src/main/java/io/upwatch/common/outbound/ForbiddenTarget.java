package io.upwatch.common.outbound;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;

/** The outbound policy forbids every address a check's host resolved to. */
public final class ForbiddenTarget extends IOException {

  public ForbiddenTarget(String host, List<InetSocketAddress> addresses) {
    super("Outbound policy forbids " + host + " " + addresses);
  }
}

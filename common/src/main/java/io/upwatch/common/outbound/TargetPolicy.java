package io.upwatch.common.outbound;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** Decides which resolved addresses a check may connect to. */
@FunctionalInterface
public interface TargetPolicy {

  boolean permits(InetSocketAddress address);

  /**
   * The resolved addresses of {@code host} that may be reached, in their order.
   *
   * @throws ForbiddenTarget when the policy forbids every one of them
   */
  default List<InetSocketAddress> permitted(String host, List<InetSocketAddress> resolved)
      throws ForbiddenTarget {
    // A loop, not a stream: this runs for every connection a check opens.
    List<InetSocketAddress> permitted = new ArrayList<>(resolved.size());
    for (InetSocketAddress address : resolved) {
      if (permits(address)) {
        permitted.add(address);
      }
    }
    if (permitted.isEmpty()) {
      throw new ForbiddenTarget(host, resolved);
    }
    return permitted;
  }

  /** Public addresses only when {@code blockPrivateTargets}, else every address. */
  static TargetPolicy of(boolean blockPrivateTargets) {
    return blockPrivateTargets ? publicAddressesOnly() : anyAddress();
  }

  /** Every address, for watching internal services. */
  static TargetPolicy anyAddress() {
    return address -> true;
  }

  /** Only publicly routable addresses: nothing private, loopback, link-local or multicast. */
  static TargetPolicy publicAddressesOnly() {
    return address -> PublicAddresses.isPublic(address.getAddress());
  }
}

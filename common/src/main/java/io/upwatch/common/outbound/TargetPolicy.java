package io.upwatch.common.outbound;

import java.net.InetSocketAddress;

/** Decides which resolved addresses a check may connect to. */
@FunctionalInterface
public interface TargetPolicy {

  boolean permits(InetSocketAddress address);

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

package io.upwatch.common.outbound;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Tells publicly routable addresses from the ones a check must not reach when so configured. */
public final class PublicAddresses {

  private PublicAddresses() {}

  public static boolean isPublic(InetAddress address) {
    if (address == null
        || address.isAnyLocalAddress() // 0.0.0.0, ::
        || address.isLoopbackAddress() // 127/8, ::1
        || address.isLinkLocalAddress() // 169.254/16 (cloud metadata), fe80::/10
        || address.isSiteLocalAddress() // 10/8, 172.16/12, 192.168/16, fec0::/10
        || address.isMulticastAddress()) { // 224/4, ff00::/8
      return false;
    }
    byte[] bytes = address.getAddress();
    return address instanceof Inet4Address ? isPublicV4(bytes) : isPublicV6(bytes);
  }

  private static boolean isPublicV4(byte[] b) {
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    boolean thisNetwork = first == 0; // 0/8
    boolean sharedAddressSpace = first == 100 && (second & 0xc0) == 64; // 100.64/10, carrier NAT
    boolean reserved = first >= 240; // 240/4 and the broadcast address
    return !(thisNetwork || sharedAddressSpace || reserved);
  }

  private static boolean isPublicV6(byte[] b) {
    boolean uniqueLocal = (b[0] & 0xfe) == 0xfc; // fc00::/7
    boolean ipv4Mapped = isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    if (ipv4Mapped) {
      // The JDK usually turns ::ffff:a.b.c.d into an Inet4Address; judge the embedded one anyway.
      byte[] v4 = {b[12], b[13], b[14], b[15]};
      try {
        return isPublic(InetAddress.getByAddress(v4));
      } catch (UnknownHostException e) {
        return false;
      }
    }
    return !uniqueLocal;
  }

  private static boolean isZero(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }
}

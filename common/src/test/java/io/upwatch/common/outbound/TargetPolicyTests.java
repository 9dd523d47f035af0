package io.upwatch.common.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetPolicyTests {

  private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 80);
  private static final InetSocketAddress PUBLIC = new InetSocketAddress("93.184.215.14", 80);

  @Test
  void permittedKeepsTheAllowedAddressesInTheirOrder() throws Exception {
    assertThat(TargetPolicy.publicAddressesOnly().permitted("mixed", List.of(LOOPBACK, PUBLIC)))
        .containsExactly(PUBLIC);
    assertThat(TargetPolicy.anyAddress().permitted("mixed", List.of(LOOPBACK, PUBLIC)))
        .containsExactly(LOOPBACK, PUBLIC);
  }

  @Test
  void hostWhoseEveryAddressIsForbiddenIsAForbiddenTargetNamingThem() {
    assertThatThrownBy(
            () -> TargetPolicy.publicAddressesOnly().permitted("metadata", List.of(LOOPBACK)))
        .isInstanceOf(ForbiddenTarget.class)
        .hasMessageContaining("metadata")
        .hasMessageContaining("127.0.0.1");
  }
}

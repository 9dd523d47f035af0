package io.upwatch.monitoringworker.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.upwatch.common.FailureKind;
import io.upwatch.common.outbound.TargetPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PrivateTargetPolicyTests {

  private static final Duration DEADLINE = Duration.ofSeconds(2);

  @Test
  void loopbackTargetIsRefusedBeforeConnecting() throws Exception {
    try (var prober =
            new HttpProber(ProbeTestSettings.defaults(), TargetPolicy.publicAddressesOnly());
        var server =
            TestServer.start((socket, head, s) -> HttpProberTests.respond(socket, 200, "ok"))) {
      ProbeOutcome byAddress = prober.probe(server.url("/"), DEADLINE);
      ProbeOutcome byName = prober.probe("http://localhost:" + server.port() + "/", DEADLINE);

      assertThat(byAddress.failure()).isEqualTo(FailureKind.FORBIDDEN_TARGET);
      assertThat(byName.failure()).isEqualTo(FailureKind.FORBIDDEN_TARGET);
      assertThat(server.acceptedConnections()).isZero();
    }
  }

  @Test
  void redirectToLoopbackIsRefusedAtTheHop() throws Exception {
    try (var internal =
            TestServer.start((socket, head, s) -> HttpProberTests.respond(socket, 200, "secret"));
        var entry =
            TestServer.start(
                (socket, head, s) -> HttpProberTests.redirect(socket, internal.url("/admin")));
        // The entry server stands in for a public site: the policy exempts only its port.
        var prober =
            new HttpProber(
                ProbeTestSettings.defaults(),
                address ->
                    address.getPort() == entry.port()
                        || TargetPolicy.publicAddressesOnly().permits(address))) {
      ProbeOutcome outcome = prober.probe(entry.url("/"), DEADLINE);

      assertThat(outcome.failure()).isEqualTo(FailureKind.FORBIDDEN_TARGET);
      assertThat(entry.acceptedConnections()).isEqualTo(1);
      assertThat(internal.acceptedConnections()).isZero();
    }
  }

  @Test
  void permissivePolicyReachesLoopback() throws Exception {
    try (var prober = new HttpProber(ProbeTestSettings.defaults(), TargetPolicy.anyAddress());
        var server =
            TestServer.start((socket, head, s) -> HttpProberTests.respond(socket, 200, "ok"))) {
      assertThat(prober.probe(server.url("/"), DEADLINE).statusCode()).isEqualTo(200);
    }
  }
}

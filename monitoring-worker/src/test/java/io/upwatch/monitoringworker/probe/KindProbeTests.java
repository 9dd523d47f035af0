package io.upwatch.monitoringworker.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.upwatch.common.FailureKind;
import io.upwatch.common.outbound.TargetPolicy;
import io.upwatch.common.probe.DnsQuery;
import io.upwatch.common.probe.DnsQuery.RecordType;
import io.upwatch.testing.SelfSignedTls;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** TLS certificate expiry, TCP and DNS checks against loopback targets. */
@Timeout(30)
class KindProbeTests {

  private static final Duration DEADLINE = Duration.ofSeconds(3);

  @Test
  void httpsCheckRecordsTheLeafCertificateExpiry(@TempDir Path keys) throws Exception {
    try (var server =
            TestServer.start(
                SelfSignedTls.context(keys, 3).getServerSocketFactory(),
                (socket, head, s) -> HttpProberTests.respond(socket, 200, "ok"));
        var prober =
            new HttpProber(
                ProbeTestSettings.defaults(),
                TargetPolicy.anyAddress(),
                SelfSignedTls.trustStore(keys))) {
      ProbeOutcome outcome =
          prober.probe("https://localhost:" + server.port() + "/", DEADLINE, null);

      assertThat(outcome.failure()).isNull();
      assertThat(outcome.tlsExpiresAt())
          .isBetween(
              Instant.now().plus(Duration.ofDays(3)).minus(Duration.ofMinutes(5)),
              Instant.now().plus(Duration.ofDays(3)).plus(Duration.ofMinutes(5)));
    }
  }

  @Test
  void plainHttpHasNoCertificateExpiry() throws Exception {
    try (var server =
            TestServer.start((socket, head, s) -> HttpProberTests.respond(socket, 200, "ok"));
        var prober = new HttpProber(ProbeTestSettings.defaults(), TargetPolicy.anyAddress())) {
      assertThat(prober.probe(server.url("/"), DEADLINE).tlsExpiresAt()).isNull();
    }
  }

  @Test
  void tcpCheckSucceedsWhenTheConnectionIsAccepted() throws Exception {
    try (var listener = new ServerSocket(0)) {
      ProbeOutcome outcome =
          tcp(TargetPolicy.anyAddress(), "tcp://127.0.0.1:" + listener.getLocalPort());
      assertThat(outcome.failure()).isNull();
      assertThat(outcome.statusCode()).isNull();
    }
  }

  @Test
  void closedTcpPortFailsAsConnect() throws Exception {
    int port;
    try (var listener = new ServerSocket(0)) {
      port = listener.getLocalPort();
    }
    assertThat(tcp(TargetPolicy.anyAddress(), "tcp://127.0.0.1:" + port).failure())
        .isEqualTo(FailureKind.CONNECT);
  }

  @Test
  void privateTcpTargetIsForbiddenByThePolicy() throws Exception {
    try (var listener = new ServerSocket(0)) {
      ProbeOutcome outcome =
          tcp(TargetPolicy.publicAddressesOnly(), "tcp://localhost:" + listener.getLocalPort());
      assertThat(outcome.failure()).isEqualTo(FailureKind.FORBIDDEN_TARGET);
    }
  }

  @Test
  void unresolvableNameFailsAsDns() throws Exception {
    ProbeOutcome tcp = tcp(TargetPolicy.anyAddress(), "tcp://does-not-exist.invalid:80");
    ProbeOutcome dns = new DnsProber().probe("does-not-exist.invalid", DEADLINE, null);

    assertThat(tcp.failure()).isEqualTo(FailureKind.DNS);
    assertThat(dns.failure()).isEqualTo(FailureKind.DNS);
    assertThat(dns.message()).isEqualTo("does-not-exist.invalid did not resolve");
  }

  @Test
  void dnsCheckComparesTheAnswerWithTheExpectedValue() throws Exception {
    var dns = new DnsProber();
    assertThat(dns.probe("localhost", DEADLINE, new DnsQuery(RecordType.A, "127.0.0.1")).failure())
        .isNull();
    ProbeOutcome wrong = dns.probe("localhost", DEADLINE, new DnsQuery(RecordType.A, "10.0.0.1"));
    assertThat(wrong.failure()).isEqualTo(FailureKind.DNS);
    assertThat(wrong.message()).isEqualTo("A answers [127.0.0.1], not 10.0.0.1");
  }

  @Test
  void mxAnswerMatchesItsHostWithoutThePreference() {
    assertThat(DnsProber.same(RecordType.MX, "10 mail.example.com.", "mail.example.com")).isTrue();
    assertThat(DnsProber.same(RecordType.TXT, "\"v=spf1 -all\"", "v=spf1 -all")).isTrue();
    assertThat(DnsProber.same(RecordType.AAAA, "0:0:0:0:0:0:0:1", "::1")).isTrue();
    assertThat(DnsProber.same(RecordType.CNAME, "a.example.", "b.example")).isFalse();
  }

  private static ProbeOutcome tcp(TargetPolicy policy, String target) throws Exception {
    return new TcpProber(policy).probe(target, DEADLINE);
  }
}

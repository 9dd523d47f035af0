package io.upwatch.monitoringworker.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.upwatch.common.FailureKind;
import io.upwatch.common.outbound.ForbiddenTarget;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.AsynchronousCloseException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class FailureClassifierTests {

  @Test
  void unresolvableNameIsDns() {
    assertThat(classify(new UnknownHostException("nowhere.invalid"))).isEqualTo(FailureKind.DNS);
  }

  @Test
  void refusedUnreachableOrSlowConnectIsConnect() {
    assertThat(classify(new ConnectException("Connection refused"))).isEqualTo(FailureKind.CONNECT);
    assertThat(classify(new NoRouteToHostException())).isEqualTo(FailureKind.CONNECT);
    assertThat(classify(new SocketTimeoutException("Connect timed out")))
        .isEqualTo(FailureKind.CONNECT);
  }

  @Test
  void handshakeFailureIsTlsEvenWhenWrapped() {
    var wrapped = new ExecutionException(new IOException(new SSLHandshakeException("PKIX")));

    assertThat(classify(wrapped)).isEqualTo(FailureKind.TLS);
  }

  @Test
  void deadlineIsTimeoutEvenWhenItEndsAHandshake() {
    var handshakeCutShort = new SSLHandshakeException("closed");
    handshakeCutShort.initCause(new TimeoutException("Total timeout 1500 ms elapsed"));

    assertThat(classify(new TimeoutException("Total timeout"))).isEqualTo(FailureKind.TIMEOUT);
    assertThat(classify(handshakeCutShort)).isEqualTo(FailureKind.TIMEOUT);
  }

  @Test
  void closedOrResetConnectionIsReset() {
    assertThat(classify(new EOFException())).isEqualTo(FailureKind.RESET);
    assertThat(classify(new SocketException("Connection reset"))).isEqualTo(FailureKind.RESET);
    assertThat(classify(new AsynchronousCloseException())).isEqualTo(FailureKind.RESET);
  }

  @Test
  void invalidHttpIsProtocol() {
    var violation = new MalformedResponse("Not an HTTP/1.x status line: SSH-2.0-OpenSSH");

    assertThat(classify(violation)).isEqualTo(FailureKind.PROTOCOL);
    assertThat(classify(new InvalidRedirect("ht!tp://", null))).isEqualTo(FailureKind.PROTOCOL);
  }

  @Test
  void forbiddenAddressIsForbiddenTarget() {
    var forbidden =
        new ForbiddenTarget("metadata", List.of(new InetSocketAddress("169.254.169.254", 80)));

    assertThat(classify(new ExecutionException(forbidden))).isEqualTo(FailureKind.FORBIDDEN_TARGET);
  }

  @Test
  void anythingElseIsOther() {
    assertThat(classify(new IllegalArgumentException("bad url"))).isEqualTo(FailureKind.OTHER);
    assertThat(classify(new IOException("something odd"))).isEqualTo(FailureKind.OTHER);
  }

  @Test
  void causeCyclesDoNotHang() {
    var first = new IllegalStateException("a");
    var second = new IllegalStateException("b", first);
    first.initCause(second);

    assertThat(classify(first)).isEqualTo(FailureKind.OTHER);
  }

  private static FailureKind classify(Throwable failure) {
    return FailureClassifier.classify(failure);
  }
}

package io.upwatch.monitoringworker.probe;

import io.upwatch.common.FailureKind;
import io.upwatch.common.outbound.TargetPolicy;
import io.upwatch.common.probe.ProbeSpec;
import io.upwatch.common.probe.StatusRanges;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks URLs over HTTP/1.1 with blocking sockets on the check's own virtual thread: a fresh
 * connection per request ({@code Connection: close}), one total deadline across every hop (connect,
 * TLS, request, headers, body), a bounded body, and redirects followed here so that every hop is
 * counted, loop-checked and connected through the {@link TargetPolicy}; each connection ends with a
 * reset once its response is read. A {@link ProbeSpec} sets the method, headers, body, redirects
 * and accepted statuses; its assertions are evaluated after the exchange, on the same thread.
 */
final class HttpProber implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(HttpProber.class);

  private final ProbeSettings settings;
  private final TargetConnector connector;
  private final TlsHandshakes tls;
  private final DeadlineWatch deadlines = new DeadlineWatch();

  HttpProber(ProbeSettings settings, TargetPolicy policy) throws GeneralSecurityException {
    this(settings, policy, null);
  }

  /** With only {@code trustStore}'s certificates trusted, for tests against self-signed targets. */
  HttpProber(ProbeSettings settings, TargetPolicy policy, KeyStore trustStore)
      throws GeneralSecurityException {
    this.settings = settings;
    this.connector = new TargetConnector(policy, settings.connectTimeout());
    this.tls = TlsHandshakes.trusting(trustStore);
  }

  /** The original check: GET, redirects followed, any status below 500 accepted. */
  ProbeOutcome probe(String url, Duration timeout) throws InterruptedException {
    return probe(url, timeout, null);
  }

  /** Checks {@code url} as {@code spec} says; a null spec is the original check. */
  ProbeOutcome probe(String url, Duration timeout, ProbeSpec spec) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    try {
      URI target = Redirects.checkedHttpUri(url);
      Set<URI> visited = new HashSet<>();
      while (true) {
        visited.add(target);
        ReceivedResponse response = exchange(target, deadline, spec);
        URI next =
            spec == null || spec.followsRedirects() ? Redirects.target(target, response) : null;
        if (next == null) {
          return judge(response, spec, since(start));
        }
        if (visited.size() > settings.maxRedirects() || visited.contains(next)) {
          return ProbeOutcome.failed(FailureKind.TOO_MANY_REDIRECTS, since(start));
        }
        target = next;
      }
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      // An interrupt closes a virtual thread's socket: the check was abandoned, not failed.
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      FailureKind kind = FailureClassifier.classify(e);
      if (log.isDebugEnabled()) {
        log.debug("Check of {} failed as {}: {}", url, kind, e.toString());
      }
      return ProbeOutcome.failed(kind, since(start));
    }
  }

  private static ProbeOutcome judge(ReceivedResponse response, ProbeSpec spec, Duration latency) {
    int status = response.status();
    StatusRanges accepted = spec == null ? StatusRanges.DEFAULT : spec.statuses();
    if (!accepted.accepts(status)) {
      String message =
          spec == null || spec.acceptedStatus() == null
              ? null
              : "status " + status + " is not in " + spec.acceptedStatus();
      return new ProbeOutcome(
          status, FailureKind.STATUS, latency, message, response.tlsExpiresAt());
    }
    String failed =
        spec == null || spec.assertions() == null || spec.assertions().isEmpty()
            ? null
            : Assertions.firstFailure(
                spec.assertions(), response.headers(), response.body(), latency);
    return new ProbeOutcome(
        status,
        failed == null ? null : FailureKind.ASSERTION,
        latency,
        failed,
        response.tlsExpiresAt());
  }

  /** One request and its response on a fresh connection, all within the deadline. */
  private ReceivedResponse exchange(URI target, long deadline, ProbeSpec spec)
      throws IOException, TimeoutException, InterruptedException {
    byte[] request = RequestBytes.encode(target, spec, settings.userAgent());
    boolean bodyExpected = spec == null || !"HEAD".equals(spec.methodOrGet());
    var body = new BoundedBody(settings.maxBodyBytes(), spec != null && spec.needsBody());
    Socket connection = connector.connect(target, deadline);
    try (connection;
        var watched = deadlines.watch(connection, deadline)) {
      // The exchange ends with a reset, not a FIN handshake: by then the response is read (or
      // abandoned), and a graceful close leaves a TIME_WAIT socket per check at one end or the
      // other for a minute: past ~470 checks a second to one address, the prober's end runs out
      // of ephemeral ports. It also costs both ends a shutdown and its acknowledgement. Load
      // balancers' health checks close the same way (HAProxy's, for one).
      connection.setSoLinger(true, 0);
      Socket socket = connection;
      Instant tlsExpiresAt = null;
      if ("https".equalsIgnoreCase(target.getScheme())) {
        SSLSocket secured =
            tls.handshake(connection, TargetConnector.host(target), TargetConnector.port(target));
        tlsExpiresAt = TlsHandshakes.leafExpiry(secured);
        socket = secured;
      }
      socket.getOutputStream().write(request);
      InputStream in = socket.getInputStream();
      return ResponseReader.read(in::read, bodyExpected, body).withTlsExpiry(tlsExpiresAt);
    } catch (IOException e) {
      // The deadline watch closed the connection under the handshake, the write or a read.
      if (Deadlines.passed(deadline)) {
        throw Deadlines.exceeded("the exchange", e);
      }
      throw e;
    }
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  @Override
  public void close() {
    deadlines.close();
  }
}

package io.upwatch.monitoringworker.probe;

import io.upwatch.common.FailureKind;
import io.upwatch.common.outbound.GuardedResolver;
import io.upwatch.common.outbound.TargetPolicy;
import io.upwatch.common.probe.ProbeSpec;
import io.upwatch.common.probe.StatusRanges;
import java.net.URI;
import java.security.KeyStore;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks URLs with Jetty's client: a fresh connection per request ({@code Connection: close}), one
 * total deadline across every hop, a bounded body, and redirects followed here so that every hop is
 * counted, loop-checked and resolved through the {@link GuardedResolver}. A {@link ProbeSpec} sets
 * the method, headers, body, redirects and accepted statuses, and its assertions are evaluated on
 * the calling (virtual) thread after the exchange, never on Jetty's I/O threads.
 */
final class HttpProber implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(HttpProber.class);

  // Jetty's own timeout ends the exchange at the deadline; this margin only catches a bug there.
  private static final long BACKSTOP_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

  private final HttpClient client;
  private final ProbeSettings settings;

  HttpProber(ProbeSettings settings, TargetPolicy policy) throws Exception {
    this(settings, policy, null);
  }

  /** With extra trusted certificates, for tests against self-signed targets. */
  HttpProber(ProbeSettings settings, TargetPolicy policy, KeyStore trustStore) throws Exception {
    this.settings = settings;
    this.client = ProbeClients.start(settings, policy, trustStore);
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
        var listener =
            new BoundedResponseListener(settings.maxBodyBytes(), spec != null && spec.needsBody());
        Response response = exchange(target, deadline, spec, listener);
        URI next =
            spec == null || spec.followsRedirects() ? Redirects.target(target, response) : null;
        if (next == null) {
          return judge(response, listener, spec, since(start));
        }
        if (visited.size() > settings.maxRedirects() || visited.contains(next)) {
          return ProbeOutcome.failed(FailureKind.TOO_MANY_REDIRECTS, since(start));
        }
        target = next;
      }
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      Throwable failure = e instanceof ExecutionException ? e.getCause() : e;
      FailureKind kind = FailureClassifier.classify(failure);
      if (log.isDebugEnabled()) {
        log.debug("Check of {} failed as {}: {}", url, kind, failure.toString());
      }
      return ProbeOutcome.failed(kind, since(start));
    }
  }

  private static ProbeOutcome judge(
      Response response, BoundedResponseListener listener, ProbeSpec spec, Duration latency) {
    int status = response.getStatus();
    StatusRanges accepted = spec == null ? StatusRanges.DEFAULT : spec.statuses();
    if (!accepted.accepts(status)) {
      String message =
          spec == null || spec.acceptedStatus() == null
              ? null
              : "status " + status + " is not in " + spec.acceptedStatus();
      return new ProbeOutcome(
          status, FailureKind.STATUS, latency, message, listener.tlsExpiresAt());
    }
    String failed =
        spec == null || spec.assertions() == null || spec.assertions().isEmpty()
            ? null
            : Assertions.firstFailure(
                spec.assertions(), response.getHeaders(), listener.body(), latency);
    return new ProbeOutcome(
        status,
        failed == null ? null : FailureKind.ASSERTION,
        latency,
        failed,
        listener.tlsExpiresAt());
  }

  private Response exchange(
      URI target, long deadline, ProbeSpec spec, BoundedResponseListener listener)
      throws InterruptedException, ExecutionException, TimeoutException {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      throw new TimeoutException("Deadline passed before " + target);
    }
    Request request =
        client
            .newRequest(target)
            .method(HttpMethod.GET)
            .followRedirects(false)
            .timeout(remaining, TimeUnit.NANOSECONDS)
            // Connection set-up is part of what a check measures: never reuse one.
            .headers(headers -> headers.put(HttpHeader.CONNECTION, "close"));
    if (spec != null) {
      customize(request, spec);
    }
    request.send(listener);
    try {
      return listener.completion().get(remaining + BACKSTOP_NANOS, TimeUnit.NANOSECONDS);
    } catch (TimeoutException | InterruptedException e) {
      request.abort(e);
      throw e;
    }
  }

  // Redirect hops repeat the method, headers and body: a check's request is one fixed request, and
  // a user who wants the 3xx itself judged turns redirects off.
  private static void customize(Request request, ProbeSpec spec) {
    request.method(spec.methodOrGet());
    if (spec.headers() != null) {
      request.headers(headers -> spec.headers().forEach(headers::put));
    }
    if (spec.body() != null) {
      String type = spec.headers() == null ? null : contentType(spec);
      request.body(new StringRequestContent(type == null ? "application/json" : type, spec.body()));
    }
  }

  private static String contentType(ProbeSpec spec) {
    return spec.headers().entrySet().stream()
        .filter(header -> header.getKey().equalsIgnoreCase("Content-Type"))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  @Override
  public void close() throws Exception {
    client.stop();
  }
}

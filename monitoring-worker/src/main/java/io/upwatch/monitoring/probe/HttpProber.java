package io.upwatch.monitoring.probe;

import io.upwatch.common.FailureKind;
import io.upwatch.common.outbound.GuardedResolver;
import io.upwatch.common.outbound.TargetPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks URLs with Jetty's client: a fresh connection per request ({@code Connection: close}), one
 * total deadline across every hop, a bounded body, and redirects followed here so that every hop is
 * counted, loop-checked and resolved through the {@link GuardedResolver}.
 */
final class HttpProber implements Prober, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(HttpProber.class);

  // Jetty's own timeout ends the exchange at the deadline; this margin only catches a bug there.
  private static final long BACKSTOP_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

  private final HttpClient client;
  private final ProbeSettings settings;

  HttpProber(ProbeSettings settings, TargetPolicy policy) throws Exception {
    this.settings = settings;
    this.client = ProbeClients.start(settings, policy);
  }

  @Override
  public ProbeOutcome probe(String url, Duration timeout) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    try {
      URI target = Redirects.checkedHttpUri(url);
      Set<URI> visited = new HashSet<>();
      while (true) {
        visited.add(target);
        Response response = exchange(target, deadline);
        URI next = Redirects.target(target, response);
        if (next == null) {
          return ProbeOutcome.response(response.getStatus(), since(start));
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

  private Response exchange(URI target, long deadline)
      throws InterruptedException, ExecutionException, TimeoutException {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      throw new TimeoutException("Deadline passed before " + target);
    }
    var listener = new BoundedResponseListener(settings.maxBodyBytes());
    Request request =
        client
            .newRequest(target)
            .method(HttpMethod.GET)
            .followRedirects(false)
            .timeout(remaining, TimeUnit.NANOSECONDS)
            // Connection set-up is part of what a check measures: never reuse one.
            .headers(headers -> headers.put(HttpHeader.CONNECTION, "close"));
    request.send(listener);
    try {
      return listener.completion().get(remaining + BACKSTOP_NANOS, TimeUnit.NANOSECONDS);
    } catch (TimeoutException | InterruptedException e) {
      request.abort(e);
      throw e;
    }
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  @Override
  public void close() throws Exception {
    client.stop();
  }
}

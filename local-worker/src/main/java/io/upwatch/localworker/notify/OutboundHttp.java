package io.upwatch.localworker.notify;

import io.upwatch.common.outbound.ForbiddenTarget;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpMethod;

/**
 * POSTs notification bodies. A 2xx answer is a delivery; anything else is a failure whose message
 * names what happened in Upwatch's own words, never echoing the target URL or the receiver's body.
 */
class OutboundHttp {

  private final HttpClient client;
  private final long timeoutMillis;

  OutboundHttp(HttpClient client, long timeoutMillis) {
    this.client = client;
    this.timeoutMillis = timeoutMillis;
  }

  int post(String target, String contentType, byte[] body, Map<String, String> headers)
      throws DeliveryFailed, InterruptedException {
    var request =
        client
            .newRequest(target)
            .method(HttpMethod.POST)
            .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
            .body(new BytesRequestContent(contentType, body));
    request.headers(fields -> headers.forEach(fields::put));
    var outcome = new CompletableFuture<Result>();
    // No content listener: Jetty discards the response body, however large.
    request.send(outcome::complete);
    Result result;
    try {
      result = outcome.get(timeoutMillis + 1_000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      request.abort(e);
      throw new DeliveryFailed("no answer within " + timeoutMillis + " ms", null, false);
    }
    if (result.isFailed()) {
      throw describe(result.getFailure());
    }
    int status = result.getResponse().getStatus();
    if (status / 100 != 2) {
      // Client errors other than 408 and 429 will not heal by themselves, but a receiver being
      // redeployed often answers 404 for a while: retry every failure within the give-up time.
      throw new DeliveryFailed("receiver answered HTTP " + status, status, false);
    }
    return status;
  }

  private static DeliveryFailed describe(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ForbiddenTarget) {
        return new DeliveryFailed(
            "the outbound policy forbids the target's address (private, loopback or link-local)",
            null,
            true);
      }
      if (cause instanceof UnknownHostException) {
        return new DeliveryFailed("the target's host name does not resolve", null, false);
      }
      if (cause instanceof ConnectException) {
        return new DeliveryFailed("connection refused or unreachable", null, false);
      }
      if (cause instanceof SSLException) {
        return new DeliveryFailed("TLS handshake failed", null, false);
      }
      if (cause instanceof TimeoutException) {
        return new DeliveryFailed("no answer within the send timeout", null, false);
      }
    }
    String kind = failure instanceof IOException ? "I/O error" : "request failed";
    return new DeliveryFailed(kind + " (" + failure.getClass().getSimpleName() + ")", null, false);
  }
}

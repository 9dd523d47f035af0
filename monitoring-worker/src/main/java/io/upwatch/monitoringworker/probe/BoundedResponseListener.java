package io.upwatch.monitoringworker.probe;

import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.client.Connection;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.io.EndPoint;

/**
 * Completes with the response once it is complete or its body passed the limit. Past the limit the
 * exchange is aborted, which closes the connection, so an endless body costs no more than {@code
 * maxBodyBytes} and a buffer. The body is kept only when asked (assertions read it); otherwise it
 * is counted and dropped. Runs on Jetty's I/O threads: it only copies bytes, evaluation happens on
 * the check's own thread once {@link #completion()} is done.
 */
final class BoundedResponseListener implements Response.Listener {

  private static final byte[] NO_BODY = new byte[0];

  private final long maxBodyBytes;
  private final boolean keepBody;
  private final CompletableFuture<Response> completion = new CompletableFuture<>();
  private long received;
  private byte[] body = NO_BODY;
  private volatile Instant tlsExpiresAt;

  BoundedResponseListener(long maxBodyBytes, boolean keepBody) {
    this.maxBodyBytes = maxBodyBytes;
    this.keepBody = keepBody;
  }

  CompletableFuture<Response> completion() {
    return completion;
  }

  /** The body read, at most {@code maxBodyBytes}; empty unless kept. Read after completion. */
  byte[] body() {
    return keepBody ? Arrays.copyOf(body, (int) Math.min(received, maxBodyBytes)) : NO_BODY;
  }

  /** The leaf certificate's expiry, for https; {@code null} otherwise. */
  Instant tlsExpiresAt() {
    return tlsExpiresAt;
  }

  @Override
  public void onBegin(Response response) {
    // The connection is open now; by completion it is closed (every check uses a fresh one).
    Connection connection = response.getRequest().getConnection();
    EndPoint.SslSessionData tls = connection == null ? null : connection.getSslSessionData();
    X509Certificate[] chain = tls == null ? null : tls.peerCertificates();
    if (chain != null && chain.length > 0) {
      tlsExpiresAt = chain[0].getNotAfter().toInstant();
    }
  }

  @Override
  public void onContent(Response response, ByteBuffer content) {
    int length = content.remaining();
    if (keepBody && received < maxBodyBytes) {
      int take = (int) Math.min(length, maxBodyBytes - received);
      int from = (int) received;
      if (body.length < from + take) {
        body =
            Arrays.copyOf(
                body, (int) Math.min(maxBodyBytes, Math.max(from + take, 2L * body.length)));
      }
      content.get(body, from, take);
    }
    received += length;
    content.position(content.limit());
    if (received > maxBodyBytes) {
      response.abort(new BodyLimitReached());
    }
  }

  @Override
  public void onComplete(Result result) {
    Throwable failure = result.getFailure();
    if (failure == null || failure instanceof BodyLimitReached) {
      completion.complete(result.getResponse());
    } else {
      completion.completeExceptionally(failure);
    }
  }

  /** Not a failure: the check has its status and has read enough. */
  private static final class BodyLimitReached extends Exception {
    BodyLimitReached() {
      super("Response body limit reached", null, false, false);
    }
  }
}

package io.upwatch.monitoring.probe;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;

/**
 * Completes with the response once it is complete or its body passed the limit. The body is counted
 * and dropped; past the limit the exchange is aborted, which closes the connection, so an endless
 * body costs no more than {@code maxBodyBytes} and a buffer.
 */
final class BoundedResponseListener implements Response.Listener {

  private final long maxBodyBytes;
  private final CompletableFuture<Response> completion = new CompletableFuture<>();
  private long received;

  BoundedResponseListener(long maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  CompletableFuture<Response> completion() {
    return completion;
  }

  @Override
  public void onContent(Response response, ByteBuffer content) {
    received += content.remaining();
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

package io.upwatch.api.web;

import io.upwatch.api.config.ApiProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the configured size with 413: at once when Content-Length says so,
 * and mid-stream for chunked bodies, before anything is parsed or written.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestBodyLimitFilter extends OncePerRequestFilter {

  private final long maxBytes;
  private final ProblemWriter writer;

  RequestBodyLimitFilter(ApiProperties properties, ProblemWriter writer) {
    this.maxBytes = properties.maxRequestBody().toBytes();
    this.writer = writer;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBytes) {
      writer.write(response, HttpStatus.CONTENT_TOO_LARGE, "body-too-large", tooLarge());
      return;
    }
    chain.doFilter(new LimitedRequest(request, maxBytes), response);
  }

  private String tooLarge() {
    return "The request body exceeds the limit of " + maxBytes + " bytes.";
  }

  /** Thrown by the wrapped stream when a body grows past the limit. */
  static final class BodyTooLarge extends IOException {
    BodyTooLarge(long maxBytes) {
      super("The request body exceeds the limit of " + maxBytes + " bytes.");
    }
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {

    private final long maxBytes;
    private ServletInputStream stream;

    LimitedRequest(HttpServletRequest request, long maxBytes) {
      super(request);
      this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new LimitedStream(super.getInputStream(), maxBytes);
      }
      return stream;
    }
  }

  private static final class LimitedStream extends ServletInputStream {

    private final ServletInputStream delegate;
    private final long maxBytes;
    private long read;

    LimitedStream(ServletInputStream delegate, long maxBytes) {
      this.delegate = delegate;
      this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
      int b = delegate.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = delegate.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws BodyTooLarge {
      read += n;
      if (read > maxBytes) {
        throw new BodyTooLarge(maxBytes);
      }
    }

    @Override
    public boolean isFinished() {
      return delegate.isFinished();
    }

    @Override
    public boolean isReady() {
      return delegate.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      delegate.setReadListener(listener);
    }
  }
}

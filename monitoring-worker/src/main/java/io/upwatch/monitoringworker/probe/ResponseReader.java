package io.upwatch.monitoringworker.probe;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * Reads one HTTP/1.x response the way a check needs it: the status line and header fields within
 * {@link #MAX_HEAD_BYTES} (interim 1xx responses skipped, counted in that limit), then the body as
 * its framing says (Content-Length, chunked, or until the connection closes) into a {@link
 * BoundedBody}, stopping once it is past its limit. Anything that is not HTTP/1.x is a {@link
 * MalformedResponse}; a stream that ends early is an {@link EOFException}.
 */
final class ResponseReader {

  /** Most bytes of status lines and header fields (and of chunked trailers) read. */
  static final int MAX_HEAD_BYTES = 16 * 1024;

  private static final int MAX_CHUNK_LINE = 1024;
  private static final int MAX_CHUNK_SIZE_DIGITS = 15;
  private static final long UNTIL_CLOSE = -1;
  // A thousand checks in flight hold one buffer each, and most responses are a head and a short
  // body: start small, and grow only for a response that fills it.
  private static final int FIRST_BUFFER = 1024;
  private static final int MAX_BUFFER = 16 * 1024;

  private final ByteSource source;
  private byte[] buffer = new byte[FIRST_BUFFER];
  private int position;
  private int limit;
  private int headBudget = MAX_HEAD_BYTES;

  private ResponseReader(ByteSource source) {
    this.source = source;
  }

  /**
   * Reads the response to a request; {@code bodyExpected} is false for HEAD, whose response has
   * header fields but no body.
   */
  static ReceivedResponse read(ByteSource source, boolean bodyExpected, BoundedBody body)
      throws IOException, TimeoutException {
    return new ResponseReader(source).response(bodyExpected, body);
  }

  private ReceivedResponse response(boolean bodyExpected, BoundedBody body)
      throws IOException, TimeoutException {
    int status;
    ResponseHeaders headers;
    do {
      status = statusCode(line(true));
      headers = headers();
      if (status == 101) {
        throw new MalformedResponse("Switching protocols without being asked to");
      }
    } while (status < 200);
    if (bodyExpected && status != 204 && status != 304) {
      readBody(headers, body);
    }
    return new ReceivedResponse(status, headers, body.bytes(), null);
  }

  // HTTP/1.x SP 3DIGIT [SP reason]
  private static int statusCode(String line) throws MalformedResponse {
    boolean shaped =
        line.length() >= 12
            && line.startsWith("HTTP/1.")
            && Character.isDigit(line.charAt(7))
            && line.charAt(8) == ' '
            && (line.length() == 12 || line.charAt(12) == ' ');
    if (shaped) {
      int code = 0;
      for (int i = 9; i < 12; i++) {
        char c = line.charAt(i);
        if (c < '0' || c > '9') {
          shaped = false;
          break;
        }
        code = code * 10 + (c - '0');
      }
      if (shaped && code >= 100) {
        return code;
      }
    }
    throw new MalformedResponse("Not an HTTP/1.x status line: " + printable(line));
  }

  private ResponseHeaders headers() throws IOException, TimeoutException {
    var headers = new ResponseHeaders();
    for (String line = line(true); !line.isEmpty(); line = line(true)) {
      int colon = line.indexOf(':');
      if (colon <= 0 || !isToken(line, colon)) {
        // Also refuses obsolete line folding (a line starting with white space), as RFC 9112 asks.
        throw new MalformedResponse("Not a header field: " + printable(line));
      }
      headers.add(line.substring(0, colon), line.substring(colon + 1).strip());
    }
    return headers;
  }

  private void readBody(ResponseHeaders headers, BoundedBody body)
      throws IOException, TimeoutException {
    String coding = headers.get("Transfer-Encoding");
    if (coding != null) {
      if (lastCoding(coding).equals("chunked")) {
        chunked(body);
      } else {
        copy(UNTIL_CLOSE, body);
      }
      return;
    }
    copy(contentLength(headers.all("Content-Length")), body);
  }

  private static String lastCoding(String transferEncoding) {
    String coding = transferEncoding.substring(transferEncoding.lastIndexOf(',') + 1);
    return coding.strip().toLowerCase(Locale.ROOT);
  }

  // Several Content-Length values are allowed only when they agree (RFC 9110, 8.6).
  private static long contentLength(List<String> values) throws MalformedResponse {
    long length = UNTIL_CLOSE;
    for (String value : values) {
      for (String part : value.split(",", -1)) {
        long parsed = digits(part.strip());
        if (parsed < 0 || (length != UNTIL_CLOSE && parsed != length)) {
          throw new MalformedResponse("Invalid Content-Length: " + printable(value));
        }
        length = parsed;
      }
    }
    return length;
  }

  private static long digits(String text) {
    if (text.isEmpty() || text.length() > 18) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private void chunked(BoundedBody body) throws IOException, TimeoutException {
    while (true) {
      long size = chunkSize(line(false));
      if (size == 0) {
        // Trailer fields, read and dropped within the head limit.
        while (!line(true).isEmpty()) {
          // nothing to keep
        }
        return;
      }
      if (!copy(size, body)) {
        return;
      }
      if (!line(false).isEmpty()) {
        throw new MalformedResponse("Chunk longer than its size");
      }
    }
  }

  private static long chunkSize(String line) throws MalformedResponse {
    int end = line.indexOf(';');
    String hex = (end < 0 ? line : line.substring(0, end)).strip();
    if (hex.isEmpty() || hex.length() > MAX_CHUNK_SIZE_DIGITS) {
      throw new MalformedResponse("Invalid chunk size: " + printable(line));
    }
    long size = 0;
    for (int i = 0; i < hex.length(); i++) {
      int digit = Character.digit(hex.charAt(i), 16);
      if (digit < 0) {
        throw new MalformedResponse("Invalid chunk size: " + printable(line));
      }
      size = size * 16 + digit;
    }
    return size;
  }

  /**
   * Passes {@code length} bytes ({@link #UNTIL_CLOSE}: all until the stream ends) to the body;
   * false once the body is past its limit.
   */
  private boolean copy(long length, BoundedBody body) throws IOException, TimeoutException {
    long remaining = length;
    while (remaining != 0) {
      if (position == limit && !fill()) {
        if (length == UNTIL_CLOSE) {
          return true;
        }
        throw new EOFException("Body ended " + remaining + " bytes short");
      }
      int take = remaining < 0 ? limit - position : (int) Math.min(remaining, limit - position);
      boolean more = body.add(buffer, position, take);
      position += take;
      if (remaining > 0) {
        remaining -= take;
      }
      if (!more) {
        return false;
      }
    }
    return true;
  }

  /**
   * One line without its CRLF (or bare LF), ISO-8859-1. Head lines count against the head limit;
   * chunk-size lines have their own small one.
   */
  private String line(boolean head) throws IOException, TimeoutException {
    int budget = head ? headBudget : MAX_CHUNK_LINE;
    ByteArrayOutputStream spill = null;
    while (true) {
      if (position == limit && !fill()) {
        throw new EOFException("Connection closed in the middle of a line");
      }
      int start = position;
      int end = start;
      while (end < limit && buffer[end] != '\n') {
        end++;
      }
      int taken = end - start + (end < limit ? 1 : 0);
      budget -= taken;
      if (budget < 0) {
        throw new MalformedResponse(head ? "Response head too large" : "Chunk line too long");
      }
      if (head) {
        headBudget = budget;
      }
      position = start + taken;
      if (end == limit) {
        spill = spill == null ? new ByteArrayOutputStream() : spill;
        spill.write(buffer, start, end - start);
        continue;
      }
      if (spill == null) {
        return text(buffer, start, end);
      }
      spill.write(buffer, start, end - start);
      byte[] bytes = spill.toByteArray();
      return text(bytes, 0, bytes.length);
    }
  }

  private static String text(byte[] bytes, int start, int end) {
    int stop = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
    return new String(bytes, start, stop - start, StandardCharsets.ISO_8859_1);
  }

  // Only called once the buffer is all consumed, so it can be replaced.
  private boolean fill() throws IOException, TimeoutException {
    if (limit == buffer.length && buffer.length < MAX_BUFFER) {
      buffer = new byte[Math.min(MAX_BUFFER, 4 * buffer.length)];
    }
    int read = source.read(buffer, 0, buffer.length);
    if (read < 0) {
      return false;
    }
    position = 0;
    limit = read;
    return true;
  }

  // RFC 9110 token: no white space, separators or controls before the colon.
  private static boolean isToken(String line, int end) {
    for (int i = 0; i < end; i++) {
      char c = line.charAt(i);
      if (c <= ' ' || c >= 127 || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  private static String printable(String line) {
    String cut = line.length() > 60 ? line.substring(0, 60) + "…" : line;
    return cut.replaceAll("[^\\x20-\\x7e]", "?");
  }
}

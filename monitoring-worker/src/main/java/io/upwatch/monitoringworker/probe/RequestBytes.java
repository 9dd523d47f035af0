package io.upwatch.monitoringworker.probe;

import io.upwatch.common.probe.ProbeSpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The bytes of a check's request: the method and target, Host, the User-Agent (unless the spec sets
 * its own), the spec's headers, the body with its length and type, and {@code Connection: close}
 * (every check is one fresh connection). Spec headers are validated before (tokens, no line breaks,
 * none of the framing headers the prober owns).
 */
final class RequestBytes {

  private static final String DEFAULT_CONTENT_TYPE = "application/json";

  private RequestBytes() {}

  static byte[] encode(URI target, ProbeSpec spec, String userAgent) {
    String method = spec == null ? "GET" : spec.methodOrGet();
    Map<String, String> headers = spec == null ? null : spec.headers();
    var head = new StringBuilder(256);
    head.append(method).append(' ').append(requestTarget(target)).append(" HTTP/1.1\r\n");
    field(head, "Host", authority(target));
    if (header(headers, "User-Agent") == null) {
      field(head, "User-Agent", userAgent);
    }
    if (headers != null) {
      headers.forEach((name, value) -> field(head, name, value));
    }
    byte[] body =
        spec == null || spec.body() == null ? null : spec.body().getBytes(StandardCharsets.UTF_8);
    if (body != null && header(headers, "Content-Type") == null) {
      field(head, "Content-Type", DEFAULT_CONTENT_TYPE);
    }
    if (body != null || "POST".equals(method)) {
      // A POST without a body still says so: some servers refuse one without a length (411).
      field(head, "Content-Length", Integer.toString(body == null ? 0 : body.length));
    }
    field(head, "Connection", "close");
    head.append("\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
    if (body == null) {
      return headBytes;
    }
    byte[] request = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, request, 0, headBytes.length);
    System.arraycopy(body, 0, request, headBytes.length, body.length);
    return request;
  }

  private static String requestTarget(URI target) {
    String path = target.getRawPath();
    path = path == null || path.isEmpty() ? "/" : path;
    return target.getRawQuery() == null ? path : path + "?" + target.getRawQuery();
  }

  // The port only when it is not the scheme's own, as browsers send it.
  private static String authority(URI target) {
    int port = target.getPort();
    return port < 0 || port == TargetConnector.defaultPort(target)
        ? target.getHost()
        : target.getHost() + ":" + port;
  }

  private static void field(StringBuilder head, String name, String value) {
    head.append(name).append(": ").append(value).append("\r\n");
  }

  private static String header(Map<String, String> headers, String name) {
    if (headers == null) {
      return null;
    }
    for (var header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase(name)) {
        return header.getValue();
      }
    }
    return null;
  }
}

package io.upwatch.api.url;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Validates and normalises a monitor's target in its kind's own form. */
final class MonitorTargets {

  private static final int MAX_NAME_LENGTH = 253;
  private static final Pattern LABEL =
      Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?");

  private MonitorTargets() {}

  /**
   * The normalised target: an http(s) URL for HTTP, {@code tcp://host:port} for TCP, a host name
   * for DNS.
   *
   * @throws IllegalArgumentException with a message fit for the caller
   */
  static String normalize(MonitorKind kind, String raw) {
    return switch (kind) {
      case TCP -> tcp(raw);
      case DNS -> dnsName(raw);
      default -> TargetUrls.normalize(raw);
    };
  }

  private static String tcp(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new IllegalArgumentException("must not be blank");
    }
    String candidate = raw.strip();
    URI uri;
    try {
      uri = new URI(candidate);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("must be tcp://host:port");
    }
    if (!"tcp".equalsIgnoreCase(uri.getScheme())
        || uri.getHost() == null
        || uri.getPort() < 1
        || uri.getPort() > 65535
        || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())
        || uri.getRawQuery() != null) {
      throw new IllegalArgumentException("must be tcp://host:port with a port of 1-65535");
    }
    return "tcp://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + uri.getPort();
  }

  private static String dnsName(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new IllegalArgumentException("must not be blank");
    }
    String name = raw.strip().toLowerCase(Locale.ROOT);
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("must be a DNS name of at most 253 characters");
    }
    for (String label : name.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        throw new IllegalArgumentException("must be a DNS name such as example.com");
      }
    }
    return name;
  }
}

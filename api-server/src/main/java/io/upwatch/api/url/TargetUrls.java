package io.upwatch.api.url;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Validates and normalises the URL a user wants checked: absolute http or https with a host, at
 * most {@link #MAX_LENGTH} characters. Like the original, a bare host ("example.com/health") is
 * accepted and taken as http.
 */
final class TargetUrls {

  static final int MAX_LENGTH = 2048;

  private TargetUrls() {}

  /**
   * The normalised URL.
   *
   * @throws IllegalArgumentException with a message fit for the caller when it is unacceptable
   */
  static String normalize(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new IllegalArgumentException("must not be blank");
    }
    String candidate = raw.strip();
    if (!candidate.contains("://")) {
      candidate = "http://" + candidate;
    }
    if (candidate.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("must be at most " + MAX_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(candidate);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("must use http or https");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException("must name a host");
    }
    if (uri.getPort() > 65535) {
      throw new IllegalArgumentException("has an invalid port");
    }
    return candidate;
  }
}

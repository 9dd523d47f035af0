package io.upwatch.monitoringworker.probe;

import java.net.URI;
import java.util.Locale;

/** Where a response redirects to, if anywhere. */
final class Redirects {

  private Redirects() {}

  /** The URI of an absolute http(s) URL; anything else is not a checkable target. */
  static URI checkedHttpUri(String url) {
    URI uri = URI.create(url);
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException("Not an absolute http(s) URL: " + url);
    }
    return uri;
  }

  /**
   * The next hop of a redirect, or {@code null} when the response is final.
   *
   * @throws InvalidRedirect when the Location is not a usable http(s) URL
   */
  static URI target(URI current, ReceivedResponse response) throws InvalidRedirect {
    int status = response.status();
    boolean redirect =
        status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    String location = response.headers().get("Location");
    if (!redirect || location == null) {
      return null;
    }
    try {
      return checkedHttpUri(current.resolve(location.strip()).toString());
    } catch (IllegalArgumentException e) {
      throw new InvalidRedirect(location, e);
    }
  }
}

package io.upwatch.monitoringworker.probe;

import java.net.URI;
import java.util.Locale;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;

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
  static URI target(URI current, Response response) throws InvalidRedirect {
    int status = response.getStatus();
    boolean redirect =
        status == HttpStatus.MOVED_PERMANENTLY_301
            || status == HttpStatus.FOUND_302
            || status == HttpStatus.SEE_OTHER_303
            || status == HttpStatus.TEMPORARY_REDIRECT_307
            || status == HttpStatus.PERMANENT_REDIRECT_308;
    String location = response.getHeaders().get(HttpHeader.LOCATION);
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

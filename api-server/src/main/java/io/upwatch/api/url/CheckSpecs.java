package io.upwatch.api.url;

import io.upwatch.common.probe.DnsQuery;
import io.upwatch.common.probe.InvalidProbeSpec;
import io.upwatch.common.probe.ProbeSpec;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a request's kind-specific settings into the {@link ProbeSpec} stored on the URL, validated
 * here so that the prober only ever gets specs it can run. Header values are write-only: an update
 * without {@code headers} keeps the stored ones.
 */
final class CheckSpecs {

  /** The original check's settings. */
  static final ProbeSpec NONE = new ProbeSpec(null, null, null, null, null, null, null);

  private CheckSpecs() {}

  /**
   * The spec to store, {@code null} when it is the original check's.
   *
   * @param current the stored spec on update ({@code null} on register): kept when the request sets
   *     nothing for the kind
   * @throws InvalidUrlSettings naming the field at fault, e.g. {@code http.assertions[0].path}
   */
  static ProbeSpec of(MonitorKind kind, HttpCheckSettings http, DnsQuery dns, ProbeSpec current) {
    if (http != null && kind != MonitorKind.HTTP) {
      throw new InvalidUrlSettings("http", "applies to kind HTTP only");
    }
    if (dns != null && kind != MonitorKind.DNS) {
      throw new InvalidUrlSettings("dns", "applies to kind DNS only");
    }
    ProbeSpec spec;
    String prefix;
    if (http != null) {
      prefix = "http.";
      Map<String, String> headers =
          http.headers() != null ? http.headers() : current == null ? null : current.headers();
      spec =
          new ProbeSpec(
              http.method() == null ? null : http.method().toUpperCase(Locale.ROOT),
              headers,
              http.body(),
              http.followRedirects(),
              http.acceptedStatus() == null || http.acceptedStatus().isBlank()
                  ? null
                  : http.acceptedStatus(),
              http.assertions(),
              null);
    } else if (dns != null) {
      prefix = "dns.";
      spec = new ProbeSpec(null, null, null, null, null, null, dns);
    } else {
      return current;
    }
    try {
      spec.validate();
    } catch (InvalidProbeSpec e) {
      String field = e.field().startsWith(prefix) ? e.field() : prefix + e.field();
      throw new InvalidUrlSettings(field, e.getMessage());
    }
    // Runnable, but never true (or, for BODY_NOT_CONTAINS, always): a HEAD response has no body.
    if ("HEAD".equals(spec.method()) && spec.needsBody()) {
      throw new InvalidUrlSettings(
          prefix + "method", "HEAD reads no body: body and JSON path assertions need GET or POST");
    }
    return spec.isDefault() ? null : spec;
  }
}

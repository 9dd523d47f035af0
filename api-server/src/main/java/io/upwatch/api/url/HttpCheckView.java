package io.upwatch.api.url;

import io.upwatch.common.probe.Assertion;
import io.upwatch.common.probe.ProbeSpec;
import java.util.List;

/**
 * An HTTP monitor's check settings as the API shows them: header values are secrets and never
 * shown, only their names.
 *
 * @param method GET, HEAD or POST
 * @param headerNames names of the request headers sent (values hidden)
 * @param body the request body, or null
 * @param followRedirects whether redirects are followed
 * @param acceptedStatus accepted statuses, or null for any status below 500
 * @param assertions conditions that must all hold
 * @param certificateExpiryDays days before a certificate's expiry that raise its alert (0: never)
 */
public record HttpCheckView(
    String method,
    List<String> headerNames,
    String body,
    boolean followRedirects,
    String acceptedStatus,
    List<Assertion> assertions,
    int certificateExpiryDays) {

  static HttpCheckView of(ProbeSpec spec, int certificateExpiryDays) {
    ProbeSpec s = spec == null ? CheckSpecs.NONE : spec;
    return new HttpCheckView(
        s.methodOrGet(),
        s.headers() == null ? List.of() : s.headers().keySet().stream().sorted().toList(),
        s.body(),
        s.followsRedirects(),
        s.acceptedStatus(),
        s.assertions() == null ? List.of() : s.assertions(),
        certificateExpiryDays);
  }
}

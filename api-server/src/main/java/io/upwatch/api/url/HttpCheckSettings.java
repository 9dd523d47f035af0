package io.upwatch.api.url;

import io.swagger.v3.oas.annotations.media.Schema;
import io.upwatch.common.probe.Assertion;
import io.upwatch.common.probe.ProbeSpec;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * How an HTTP monitor checks its URL; every field is optional and absent means the original check
 * (GET, redirects followed, any status below 500, no assertions).
 *
 * @param method GET (default), HEAD or POST
 * @param headers request headers (at most 20). Their values are secrets: stored, sent with every
 *     check, never shown (responses list the names only). In an update, leave this out to keep the
 *     stored headers, or send {} to remove them
 * @param body request body of a POST (at most 16,384 characters); Content-Type defaults to
 *     application/json unless set in headers
 * @param followRedirects false to judge the first response itself (default true, at most 10 hops)
 * @param acceptedStatus accepted statuses as codes and ranges, e.g. "200-299,301" (default: any
 *     status below 500)
 * @param assertions conditions that must all hold (at most 20); a failed one fails the check with
 *     failure kind ASSERTION and a message naming it and what was seen
 * @param certificateExpiryDays for https: raise a CERTIFICATE_EXPIRY alert when the certificate
 *     expires within this many days (0-365, default 14; 0 turns it off)
 */
@Schema(
    example =
        """
        {"method": "GET", "headers": {"Authorization": "Bearer <token>"},
         "acceptedStatus": "200-299",
         "assertions": [
           {"type": "JSON_PATH", "path": "$.status", "operator": "EQUALS", "value": "UP"},
           {"type": "BODY_CONTAINS", "value": "database"},
           {"type": "HEADER", "header": "Content-Type", "operator": "MATCHES", "value": "^application/json"},
           {"type": "RESPONSE_TIME", "value": "800"}],
         "certificateExpiryDays": 21}""")
public record HttpCheckSettings(
    @Schema(allowableValues = {"GET", "HEAD", "POST"}) String method,
    @Size(max = ProbeSpec.MAX_HEADERS) Map<String, String> headers,
    @Size(max = ProbeSpec.MAX_BODY_LENGTH) String body,
    Boolean followRedirects,
    @Size(max = 256) String acceptedStatus,
    @Size(max = ProbeSpec.MAX_ASSERTIONS) List<Assertion> assertions,
    @Min(0) @Max(365) Integer certificateExpiryDays) {}

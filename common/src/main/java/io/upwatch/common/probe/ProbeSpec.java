package io.upwatch.common.probe;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a monitor is checked when it is more than the original GET. Every part is optional and absent
 * means the original behaviour, so a plain monitor has no spec at all (and costs nothing extra to
 * schedule and probe). Its JSON form ({@link #toJson()}) is the one stored in {@code
 * urls.check_spec} and carried in the task's {@code spec} field.
 *
 * @param method GET (default), HEAD or POST
 * @param headers request headers; their values are secrets (never shown by the API nor logged)
 * @param body request body of a POST, at most {@link #MAX_BODY_LENGTH} characters
 * @param followRedirects false to judge the first response itself (default true)
 * @param acceptedStatus codes and ranges such as {@code "200-299,301"}; default below 500
 * @param assertions conditions that must all hold on the response
 * @param dns the record type and expected answer of a DNS check
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProbeSpec(
    String method,
    Map<String, String> headers,
    String body,
    Boolean followRedirects,
    String acceptedStatus,
    List<Assertion> assertions,
    DnsQuery dns) {

  /** Longest request body. */
  public static final int MAX_BODY_LENGTH = 16 * 1024;

  /** Most request headers and most assertions. */
  public static final int MAX_HEADERS = 20;

  public static final int MAX_ASSERTIONS = 20;

  /** Longest header value. */
  public static final int MAX_HEADER_VALUE_LENGTH = 4096;

  private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST");

  // The prober owns these: each check is one fresh connection with a bounded, known request.
  private static final Set<String> RESERVED_HEADERS =
      Set.of("host", "content-length", "connection", "transfer-encoding", "te", "upgrade");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The method to send. */
  public String methodOrGet() {
    return method == null ? "GET" : method;
  }

  /** Whether redirects are followed. */
  public boolean followsRedirects() {
    return followRedirects == null || followRedirects;
  }

  /** The statuses accepted, parsed. */
  public StatusRanges statuses() {
    return StatusRanges.parse(acceptedStatus);
  }

  /** True when nothing is set: the original check, which needs no spec. */
  @JsonIgnore
  public boolean isDefault() {
    return method == null
        && (headers == null || headers.isEmpty())
        && body == null
        && followRedirects == null
        && acceptedStatus == null
        && (assertions == null || assertions.isEmpty())
        && dns == null;
  }

  /** Whether an assertion needs the response body. */
  public boolean needsBody() {
    return assertions != null
        && assertions.stream()
            .anyMatch(
                a -> a.type() != Assertion.Type.HEADER && a.type() != Assertion.Type.RESPONSE_TIME);
  }

  /**
   * Checks that the spec can run.
   *
   * @return this
   * @throws InvalidProbeSpec naming the field at fault
   */
  public ProbeSpec validate() {
    if (method != null && !METHODS.contains(method)) {
      throw new InvalidProbeSpec("method", "must be one of GET, HEAD, POST");
    }
    if (body != null && !"POST".equals(method)) {
      throw new InvalidProbeSpec("body", "is only sent with method POST");
    }
    if (body != null && body.length() > MAX_BODY_LENGTH) {
      throw new InvalidProbeSpec("body", "must be at most " + MAX_BODY_LENGTH + " characters");
    }
    validateHeaders();
    StatusRanges.parse(acceptedStatus);
    if (assertions != null) {
      if (assertions.size() > MAX_ASSERTIONS) {
        throw new InvalidProbeSpec("assertions", "at most " + MAX_ASSERTIONS + " assertions");
      }
      for (int i = 0; i < assertions.size(); i++) {
        if (assertions.get(i) == null) {
          throw new InvalidProbeSpec("assertions[" + i + "]", "must not be null");
        }
        assertions.get(i).validate("assertions[" + i + "]");
      }
    }
    if (dns != null) {
      dns.validate();
    }
    return this;
  }

  private void validateHeaders() {
    if (headers == null) {
      return;
    }
    if (headers.size() > MAX_HEADERS) {
      throw new InvalidProbeSpec("headers", "at most " + MAX_HEADERS + " headers");
    }
    for (var header : headers.entrySet()) {
      String name = header.getKey();
      if (!Assertion.isToken(name)) {
        throw new InvalidProbeSpec(
            "headers", "'" + name + "' is not a header name (RFC 7230 token)");
      }
      if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        throw new InvalidProbeSpec("headers", name + " is set by the prober");
      }
      String value = header.getValue();
      if (value == null
          || value.length() > MAX_HEADER_VALUE_LENGTH
          || value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
        // The value is a secret: not echoed.
        throw new InvalidProbeSpec(
            "headers." + name,
            "value must be at most " + MAX_HEADER_VALUE_LENGTH + " characters without line breaks");
      }
    }
  }

  /** The spec's JSON form. */
  public String toJson() {
    return JSON.writeValueAsString(this);
  }

  /**
   * Reads a spec from its JSON form; {@code null} gives {@code null}.
   *
   * @throws InvalidProbeSpec when it is not a spec
   */
  public static ProbeSpec fromJson(String json) {
    if (json == null || json.isEmpty()) {
      return null;
    }
    try {
      return JSON.readValue(json, ProbeSpec.class);
    } catch (JacksonException e) {
      throw new InvalidProbeSpec("spec", "is not a probe spec: " + e.getOriginalMessage());
    }
  }
}

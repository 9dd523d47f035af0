package io.upwatch.common.probe;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a DNS check asks.
 *
 * @param recordType the record type to look up; {@code null} is A
 * @param expected when set, one answer must equal it (case-insensitive, trailing dot ignored)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DnsQuery(RecordType recordType, String expected) {

  /** Longest expected answer. */
  public static final int MAX_EXPECTED_LENGTH = 512;

  /** The record types a DNS check can ask for. */
  public enum RecordType {
    A,
    AAAA,
    CNAME,
    MX,
    TXT
  }

  /** The record type asked for. */
  public RecordType type() {
    return recordType == null ? RecordType.A : recordType;
  }

  void validate() {
    if (expected != null && (expected.isBlank() || expected.length() > MAX_EXPECTED_LENGTH)) {
      throw new InvalidProbeSpec(
          "dns.expected", "must be 1-" + MAX_EXPECTED_LENGTH + " characters when set");
    }
  }
}

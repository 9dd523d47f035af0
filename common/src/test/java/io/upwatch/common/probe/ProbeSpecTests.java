package io.upwatch.common.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.upwatch.common.CheckTask;
import io.upwatch.common.TaskId;
import io.upwatch.common.probe.Assertion.Operator;
import io.upwatch.common.probe.Assertion.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProbeSpecTests {

  private static ProbeSpec withAssertion(Assertion assertion) {
    return new ProbeSpec(null, null, null, null, null, List.of(assertion), null);
  }

  private static String fieldOf(ProbeSpec spec) {
    try {
      spec.validate();
      return null;
    } catch (InvalidProbeSpec e) {
      return e.field();
    }
  }

  @Test
  void specSurvivesItsJsonFormAndLeavesUnsetPartsOut() {
    var spec =
        new ProbeSpec(
            "POST",
            Map.of("Authorization", "Bearer x"),
            "{}",
            false,
            "200-299,301",
            List.of(new Assertion(Type.JSON_PATH, "$.status", null, Operator.EQUALS, "UP")),
            null);
    String json = spec.validate().toJson();
    assertThat(json).doesNotContain("dns").doesNotContain("header\"");
    assertThat(ProbeSpec.fromJson(json)).isEqualTo(spec);
  }

  @Test
  void taskCarriesKindAndSpecOnlyWhenSet() {
    var id = new TaskId(7, Instant.ofEpochMilli(60_000));
    var plain = new CheckTask(id, "http://a.example/", Duration.ofSeconds(5));
    assertThat(plain.toFields()).containsOnlyKeys("id", "url", "timeoutMs");
    var dns = new CheckTask(id, "a.example", Duration.ofSeconds(5), ProbeKind.DNS, "{\"dns\":{}}");
    assertThat(CheckTask.fromFields(dns.toFields())).isEqualTo(dns);
    assertThat(CheckTask.fromFields(plain.toFields())).isEqualTo(plain);
  }

  @Test
  void acceptedStatusesAreCodesAndRanges() {
    StatusRanges ranges = StatusRanges.parse("200-299, 301");
    assertThat(ranges.accepts(204)).isTrue();
    assertThat(ranges.accepts(301)).isTrue();
    assertThat(ranges.accepts(302)).isFalse();
    assertThat(StatusRanges.parse(null).accepts(499)).isTrue();
    assertThat(StatusRanges.parse(null).accepts(500)).isFalse();
    assertThatThrownBy(() -> StatusRanges.parse("200-1xx")).isInstanceOf(InvalidProbeSpec.class);
    assertThatThrownBy(() -> StatusRanges.parse("299-200")).isInstanceOf(InvalidProbeSpec.class);
  }

  @Test
  void invalidAssertionsNameTheirField() {
    assertThat(fieldOf(withAssertion(new Assertion(Type.BODY_MATCHES, null, null, null, "(a"))))
        .isEqualTo("assertions[0].value");
    assertThat(fieldOf(withAssertion(new Assertion(Type.JSON_PATH, "$.[", null, null, "x"))))
        .isEqualTo("assertions[0].path");
    assertThat(
            fieldOf(
                withAssertion(
                    new Assertion(
                        Type.JSON_PATH, "$[?(@.a =~ /x/)]", null, Operator.EXISTS, null))))
        .isEqualTo("assertions[0].path");
    assertThat(
            fieldOf(withAssertion(new Assertion(Type.JSON_PATH, "$.n", null, Operator.LT, "abc"))))
        .isEqualTo("assertions[0].value");
    assertThat(
            fieldOf(
                withAssertion(new Assertion(Type.HEADER, null, "Bad Name", Operator.EQUALS, "x"))))
        .isEqualTo("assertions[0].header");
    assertThat(fieldOf(withAssertion(new Assertion(Type.HEADER, null, "X-A", Operator.GT, "x"))))
        .isEqualTo("assertions[0].operator");
    assertThat(fieldOf(withAssertion(new Assertion(Type.RESPONSE_TIME, null, null, null, "-1"))))
        .isEqualTo("assertions[0].value");
    assertThat(fieldOf(withAssertion(new Assertion(Type.BODY_CONTAINS, null, null, null, "ok"))))
        .isNull();
  }

  @Test
  void headersMustBeTokensAndNotOnesTheProberOwns() {
    var badName = new ProbeSpec(null, Map.of("X Bad", "v"), null, null, null, null, null);
    var reserved = new ProbeSpec(null, Map.of("Host", "v"), null, null, null, null, null);
    var bodyOnGet = new ProbeSpec("GET", null, "x", null, null, null, null);
    assertThat(fieldOf(badName)).isEqualTo("headers");
    assertThat(fieldOf(reserved)).isEqualTo("headers");
    assertThat(fieldOf(bodyOnGet)).isEqualTo("body");
  }
}

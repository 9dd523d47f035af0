package io.upwatch.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckResultTests {

  private static final TaskId ID = new TaskId(42, Instant.ofEpochMilli(1_700_000_000_000L));

  @Test
  void responseRoundTripsThroughStreamFields() {
    var result =
        new CheckResult(ID, Instant.ofEpochMilli(1_700_000_000_250L), 87, 503, null, "w1", "eu");

    var decoded = CheckResult.fromFields(result.toFields());

    assertThat(decoded).isEqualTo(result);
    assertThat(decoded.success()).isFalse();
  }

  @Test
  void failureRoundTripsThroughStreamFields() {
    var result =
        new CheckResult(
            ID,
            Instant.ofEpochMilli(1_700_000_000_250L),
            10_000,
            null,
            FailureKind.TIMEOUT,
            "w1",
            "eu");

    assertThat(CheckResult.fromFields(result.toFields())).isEqualTo(result);
    assertThat(result.success()).isFalse();
  }

  @Test
  void statusesBelow500AreSuccesses() {
    assertThat(withStatus(200).success()).isTrue();
    assertThat(withStatus(404).success()).isTrue();
    assertThat(withStatus(499).success()).isTrue();
    assertThat(withStatus(500).success()).isFalse();
    assertThat(withStatus(599).success()).isFalse();
  }

  @Test
  void serverErrorWithoutAKindFailedOnItsStatus() {
    assertThat(withStatus(503).failureKind()).isEqualTo(FailureKind.STATUS);
    assertThat(withStatus(200).failureKind()).isNull();
  }

  @Test
  void failureMessageRoundTripsAndIsCutToTheColumn() {
    var result =
        new CheckResult(
            ID, Instant.EPOCH, 5, 200, FailureKind.ASSERTION, "x".repeat(400), "w1", "eu");

    assertThat(result.message()).hasSize(CheckResult.MAX_MESSAGE_LENGTH).endsWith("…");
    assertThat(CheckResult.fromFields(result.toFields())).isEqualTo(result);
    assertThat(result.success()).isFalse();
  }

  @Test
  void nulCharactersInAFailureMessageAreReplacedSoTheDatabaseCanStoreIt() {
    var result =
        new CheckResult(
            ID, Instant.EPOCH, 5, null, FailureKind.REPORTED_FAILURE, "a\u0000b", "w1", "eu");

    assertThat(result.message()).isEqualTo("a\uFFFDb");
    assertThat(CheckResult.fromFields(result.toFields())).isEqualTo(result);
  }

  @Test
  void successWithoutAResponseIsAllowedAndCarriesNoMessage() {
    var result = new CheckResult(ID, Instant.EPOCH, 3, null, null, "seen", "w1", "eu");

    assertThat(result.success()).isTrue();
    assertThat(result.message()).isNull();
    assertThat(CheckResult.fromFields(result.toFields())).isEqualTo(result);
  }

  @Test
  void valuesTheChecksTableCannotHoldAreRejected() {
    TaskId id = new TaskId(1, Instant.EPOCH);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new CheckResult(id, Instant.EPOCH, 1, 70000, null, "w", "r"))
        .withMessageContaining("70000");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new CheckResult(id, Instant.EPOCH, 1, 200, null, "w", "r".repeat(33)))
        .withMessageContaining("region");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new CheckResult(id, Instant.EPOCH, 1, 200, null, "w".repeat(65), "r"))
        .withMessageContaining("worker id");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new CheckResult(id, Instant.EPOCH, -1, 200, null, "w", "r"));
  }

  @Test
  void malformedEntryIsRejected() {
    Map<String, String> fields = new HashMap<>(withStatus(200).toFields());
    fields.put("latencyMs", "fast");

    assertThatIllegalArgumentException().isThrownBy(() -> CheckResult.fromFields(fields));
  }

  private static CheckResult withStatus(int status) {
    return new CheckResult(ID, Instant.now(), 1, status, null, "w", "r");
  }
}

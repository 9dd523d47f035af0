package io.upwatch.localworker.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTests {

  private static final byte[] BODY =
      "{\"eventId\":\"alert-1-opened\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  void signsTimestampDotBodyWithHmacSha256() {
    // Expected value from: printf '1700000000.<body>' | openssl dgst -sha256 -hmac <secret>
    assertThat(WebhookSignature.sign("a-very-secret-key-0123456789", 1_700_000_000L, BODY))
        .isEqualTo("v1=ce20d7726330f8a3fa75ca8ad83f0e41fd6a0ff9117aea99c083c4a9438c695e");
  }

  @Test
  void anotherTimestampOrSecretGivesAnotherSignature() {
    String signature = WebhookSignature.sign("a-very-secret-key-0123456789", 1_700_000_000L, BODY);

    assertThat(WebhookSignature.sign("a-very-secret-key-0123456789", 1_700_000_001L, BODY))
        .isNotEqualTo(signature);
    assertThat(WebhookSignature.sign("another-secret-key-0123456789", 1_700_000_000L, BODY))
        .isNotEqualTo(signature);
  }
}

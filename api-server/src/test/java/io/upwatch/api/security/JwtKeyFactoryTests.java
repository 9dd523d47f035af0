package io.upwatch.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.upwatch.api.config.ApiProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JwtKeyFactoryTests {

  @Test
  void missingSecretRefusesToStartWithAClearMessage() {
    assertThatIllegalStateException()
        .isThrownBy(() -> JwtKeyFactory.keyFrom(jwt(null, false)))
        .withMessageContaining("JWT_SECRET is not set");
    assertThatIllegalStateException()
        .isThrownBy(() -> JwtKeyFactory.keyFrom(jwt("  ", false)))
        .withMessageContaining("JWT_SECRET is not set");
  }

  @Test
  void secretShorterThan32BytesIsRefused() {
    assertThatIllegalStateException()
        .isThrownBy(() -> JwtKeyFactory.keyFrom(jwt("secret", false)))
        .withMessageContaining("too short");
    assertThatIllegalStateException()
        .isThrownBy(() -> JwtKeyFactory.keyFrom(jwt("x".repeat(31), false)));
  }

  @Test
  void secretOf32BytesIsAnHmacKey() {
    var key = JwtKeyFactory.keyFrom(jwt("k".repeat(32), false));

    assertThat(key.getAlgorithm()).isEqualTo("HmacSHA256");
    assertThat(key.getEncoded()).hasSize(32);
  }

  @Test
  void devModeGeneratesARandomKeyPerStart() {
    var first = JwtKeyFactory.keyFrom(jwt(null, true));
    var second = JwtKeyFactory.keyFrom(jwt(null, true));

    assertThat(first.getEncoded())
        .hasSizeGreaterThanOrEqualTo(32)
        .isNotEqualTo(second.getEncoded());
  }

  private static ApiProperties.Jwt jwt(String secret, boolean devMode) {
    return new ApiProperties.Jwt(secret, devMode, Duration.ofHours(72));
  }
}

package io.upwatch.api.security;

import io.upwatch.api.config.ApiProperties;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns the configured JWT secret into an HS256 key, refusing weak or missing secrets. */
final class JwtKeyFactory {

  static final int MIN_SECRET_BYTES = 32;

  private static final Logger log = LoggerFactory.getLogger(JwtKeyFactory.class);

  private JwtKeyFactory() {}

  static SecretKey keyFrom(ApiProperties.Jwt jwt) {
    String secret = jwt.secret();
    if (secret == null || secret.isBlank()) {
      if (!jwt.devMode()) {
        throw new IllegalStateException(
            "JWT_SECRET is not set. Set JWT_SECRET to a random string of at least "
                + MIN_SECRET_BYTES
                + " bytes (e.g. `openssl rand -base64 48`), or set UPWATCH_DEV_MODE=true to"
                + " generate a throwaway secret for a single local replica.");
      }
      byte[] random = new byte[48];
      new SecureRandom().nextBytes(random);
      log.warn(
          "Dev mode: generated a random JWT secret. Tokens die with this process and are not"
              + " valid on other replicas. Never run production like this.");
      return new SecretKeySpec(random, "HmacSHA256");
    }
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < MIN_SECRET_BYTES) {
      throw new IllegalStateException(
          "JWT_SECRET is too short: "
              + bytes.length
              + " bytes, HS256 needs at least "
              + MIN_SECRET_BYTES
              + " (e.g. `openssl rand -base64 48`).");
    }
    return new SecretKeySpec(bytes, "HmacSHA256");
  }
}

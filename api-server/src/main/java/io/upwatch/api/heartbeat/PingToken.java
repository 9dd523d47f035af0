package io.upwatch.api.heartbeat;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The secret part of a heartbeat's ping URL: 128 random bits, URL-safe base64 without padding (22
 * characters). Whoever holds it can report pings for that one monitor and nothing else.
 */
public final class PingToken {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{22}");

  private PingToken() {}

  /** A new random token. */
  public static String generate() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether the value could be a token; anything else is refused without a lookup. */
  static boolean wellFormed(String value) {
    return value != null && FORM.matcher(value).matches();
  }
}

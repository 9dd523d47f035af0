package io.upwatch.api;

import static io.upwatch.api.support.ApiClient.withToken;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.upwatch.api.support.ApiClient;
import io.upwatch.api.support.ApiIntegrationTest;
import io.upwatch.api.support.TestData;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Forged, altered and stale tokens are refused with 401; only a genuine token gets in. */
@ApiIntegrationTest
class TokenTamperingIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired ApiClient api;
  @Autowired TestData data;

  @Value("${upwatch.api.jwt.secret}")
  String secret;

  long userId;

  @BeforeEach
  void user() throws Exception {
    data.reset();
    String token = api.signUpAndLogIn("alice");
    String claims = decode(token.split("\\.")[1]);
    userId = Long.parseLong(claims.replaceAll(".*\"sub\":\"(\\d+)\".*", "$1"));
  }

  @Test
  void genuineTokenIsAccepted() throws Exception {
    assertAccepted(sign("HS256", secret, validClaims()));
  }

  @Test
  void unsignedAlgNoneTokenIsRefused() throws Exception {
    assertRefused(encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + encode(validClaims()) + ".");
  }

  @Test
  void tokenSignedWithAnotherKeyIsRefused() throws Exception {
    assertRefused(sign("HS256", "another-secret-another-secret-0123456789", validClaims()));
  }

  @Test
  void tokenSignedWithAnotherAlgorithmIsRefused() throws Exception {
    assertRefused(sign("HS512", secret, validClaims()));
  }

  @Test
  void expiredTokenIsRefused() throws Exception {
    long past = Instant.now().minusSeconds(3600).getEpochSecond();
    assertRefused(sign("HS256", secret, claims(userId, past)));
  }

  @Test
  void tokenWithoutExpiryIsRefused() throws Exception {
    assertRefused(
        sign("HS256", secret, "{\"sub\":\"%d\",\"username\":\"alice\"}".formatted(userId)));
  }

  @Test
  void tokenWithAlteredClaimsIsRefused() throws Exception {
    String[] parts = sign("HS256", secret, validClaims()).split("\\.");
    String altered = encode(claims(userId + 1, Instant.now().plusSeconds(3600).getEpochSecond()));
    assertRefused(parts[0] + "." + altered + "." + parts[2]);
  }

  @Test
  void garbageAndMissingTokensAreRefused() throws Exception {
    assertRefused("not-a-jwt");
    assertRefused("a.b.c");
    mvc.perform(get("/api/v1/urls"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void tokenWhoseSubjectIsNotAUserIdIsRefused() throws Exception {
    long future = Instant.now().plusSeconds(3600).getEpochSecond();
    assertRefused(
        sign(
            "HS256",
            secret,
            "{\"sub\":\"alice\",\"username\":\"alice\",\"exp\":%d}".formatted(future)));
  }

  private void assertAccepted(String token) throws Exception {
    mvc.perform(withToken(get("/api/v1/urls"), token)).andExpect(status().isOk());
  }

  private void assertRefused(String token) throws Exception {
    mvc.perform(withToken(get("/api/v1/urls"), token))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer")))
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
  }

  private String validClaims() {
    return claims(userId, Instant.now().plusSeconds(3600).getEpochSecond());
  }

  private static String claims(long sub, long exp) {
    return "{\"sub\":\"%d\",\"username\":\"alice\",\"exp\":%d}".formatted(sub, exp);
  }

  private static String sign(String alg, String key, String claims) throws Exception {
    String javaAlg = alg.equals("HS512") ? "HmacSHA512" : "HmacSHA256";
    String input = encode("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}") + "." + encode(claims);
    Mac mac = Mac.getInstance(javaAlg);
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), javaAlg));
    byte[] signature = mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String part) {
    return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
  }
}

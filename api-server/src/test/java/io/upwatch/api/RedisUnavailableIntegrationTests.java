package io.upwatch.api;

import static io.upwatch.api.support.ApiClient.credentials;
import static io.upwatch.api.support.ApiClient.json;
import static io.upwatch.api.support.ApiClient.withToken;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.upwatch.api.security.TokenIssuer;
import io.upwatch.api.support.ApiIntegrationTest;
import io.upwatch.api.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * With Redis unreachable, logins are refused with a clear, retryable 503 rather than let through
 * without throttling; signup, which needs only PostgreSQL, still works.
 */
@ApiIntegrationTest
@TestPropertySource(properties = {"spring.data.redis.port=1", "spring.data.redis.timeout=500ms"})
class RedisUnavailableIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestData data;
  @Autowired TokenIssuer tokens;

  @Test
  void loginIsA503WithRetryAfterWhileThrottleStateIsUnreachable() throws Exception {
    data.resetDatabase();
    mvc.perform(json(post("/user/signup"), credentials("redisless", "12345678")))
        .andExpect(status().isCreated());

    mvc.perform(json(post("/user/login"), credentials("redisless", "12345678")))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().exists("Retry-After"))
        .andExpect(jsonPath("$.type").value("https://upwatch.io/problems/login-unavailable"));
  }

  @Test
  void theRegionsAreA503WithRetryAfterWhileRedisIsUnreachable() throws Exception {
    // Login needs Redis here; a token issued directly stands for a signed-in user.
    String token = tokens.issue(1, "regionless").value();

    mvc.perform(withToken(get("/api/v1/regions"), token))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().exists("Retry-After"))
        .andExpect(jsonPath("$.type").value("https://upwatch.io/problems/dependency-unavailable"));
  }
}

package io.upwatch.api;

import static io.upwatch.api.support.ApiClient.credentials;
import static io.upwatch.api.support.ApiClient.json;
import static io.upwatch.api.support.ApiClient.withToken;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.upwatch.api.support.ApiClient;
import io.upwatch.api.support.ApiIntegrationTest;
import io.upwatch.api.support.TestData;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The /api/v1 resource API end to end. */
@ApiIntegrationTest
class ResourceApiIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired ApiClient api;
  @Autowired TestData data;
  @Autowired JdbcClient jdbc;

  String token;

  @BeforeEach
  void signUp() throws Exception {
    data.reset();
    token = api.signUpAndLogIn("alice");
  }

  @Test
  void signupAndLoginOfTheResourceApi() throws Exception {
    mvc.perform(
            json(post("/api/v1/auth/signup"), credentials("bob_the.builder-1", "any chars 🙂!")))
        .andExpect(status().isCreated())
        .andExpect(header().exists("Location"))
        .andExpect(jsonPath("$.username").value("bob_the.builder-1"));
    mvc.perform(json(post("/api/v1/auth/login"), credentials("bob_the.builder-1", "any chars 🙂!")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.token").isString())
        .andExpect(jsonPath("$.tokenType").value("Bearer"))
        .andExpect(jsonPath("$.expiresAt").isString());
  }

  @Test
  void createAppliesDefaultsAndAnswersWithLocation() throws Exception {
    mvc.perform(
            withToken(
                json(
                    post("/api/v1/urls"),
                    """
                    {"name": "site", "url": "https://example.com/", "threshold": 3}
                    """),
                token))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/urls/")))
        .andExpect(jsonPath("$.intervalSeconds").value(60))
        .andExpect(jsonPath("$.timeoutSeconds").value(10.0))
        .andExpect(jsonPath("$.failureWindowSeconds").value(300))
        .andExpect(jsonPath("$.enabled").value(true));
  }

  @Test
  void listPagesThroughTheCallersUrls() throws Exception {
    for (int i = 0; i < 5; i++) {
      api.registerUrl(token, "u" + i, "http://127.0.0.1/" + i, 1);
    }

    mvc.perform(withToken(get("/api/v1/urls?page=1&size=2"), token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items", hasSize(2)))
        .andExpect(jsonPath("$.items[0].name").value("u2"))
        .andExpect(jsonPath("$.page").value(1))
        .andExpect(jsonPath("$.totalItems").value(5))
        .andExpect(jsonPath("$.totalPages").value(3));
  }

  @Test
  void getUpdateAndDeleteOneUrl() throws Exception {
    long id = api.registerUrl(token, "site", "https://example.com/", 3);

    mvc.perform(withToken(get("/api/v1/urls/" + id), token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("site"));
    mvc.perform(
            withToken(
                json(
                    patch("/api/v1/urls/" + id),
                    """
                    {"threshold": 7, "intervalSeconds": 30, "timeoutSeconds": 5}
                    """),
                token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.threshold").value(7))
        .andExpect(jsonPath("$.intervalSeconds").value(30))
        .andExpect(jsonPath("$.timeoutSeconds").value(5.0))
        .andExpect(jsonPath("$.name").value("site"));
    mvc.perform(withToken(delete("/api/v1/urls/" + id), token)).andExpect(status().isNoContent());
    mvc.perform(withToken(get("/api/v1/urls/" + id), token)).andExpect(status().isNotFound());
  }

  @Test
  void renamingOntoAnotherUrlsNameIsAConflict() throws Exception {
    api.registerUrl(token, "one", "https://example.com/1", 3);
    long two = api.registerUrl(token, "two", "https://example.com/2", 3);

    mvc.perform(withToken(json(patch("/api/v1/urls/" + two), "{\"name\": \"one\"}"), token))
        .andExpect(status().isConflict());
    mvc.perform(
            withToken(
                json(
                    post("/api/v1/urls"),
                    "{\"name\": \"one\", \"url\": \"http://x.test\", \"threshold\": 1}"),
                token))
        .andExpect(status().isConflict());
  }

  @Test
  void statsGiveCountsUptimeAndLatencyPercentilesOverTheWindow() throws Exception {
    long id = api.registerUrl(token, "site", "https://example.com/", 3);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    for (int i = 1; i <= 20; i++) {
      data.check(id, now.minus(Duration.ofMinutes(i)), i == 20 ? 503 : 200, null, i * 10);
    }
    data.check(id, now.minus(Duration.ofMinutes(30)), null, "DNS", 5);
    data.check(id, now.minus(Duration.ofHours(3)), 200, null, 999);

    mvc.perform(withToken(get("/api/v1/urls/" + id + "/stats?window=1h"), token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.checks").value(21))
        .andExpect(jsonPath("$.successes").value(19))
        .andExpect(jsonPath("$.failures").value(2))
        .andExpect(jsonPath("$.uptimePercent").value(90.48))
        .andExpect(jsonPath("$.latencyP50Ms").value(105.0))
        .andExpect(jsonPath("$.latencyP95Ms").value(190.5));
    mvc.perform(withToken(get("/api/v1/urls/" + id + "/stats"), token))
        .andExpect(jsonPath("$.checks").value(22));
  }

  @Test
  void recentChecksComeNewestFirst() throws Exception {
    long id = api.registerUrl(token, "site", "https://example.com/", 3);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    data.check(id, now.minus(Duration.ofMinutes(2)), 200, null, 12);
    data.check(id, now.minus(Duration.ofMinutes(1)), null, "TIMEOUT", 10_000);

    mvc.perform(withToken(get("/api/v1/urls/" + id + "/checks?limit=1"), token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$", hasSize(1)))
        .andExpect(jsonPath("$[0].success").value(false))
        .andExpect(jsonPath("$[0].failureKind").value("TIMEOUT"))
        .andExpect(jsonPath("$[0].statusCode").doesNotExist());
  }

  @Test
  void alertsOfOneUrlAndOfAllUrlsWithAnOpenFilter() throws Exception {
    long a = api.registerUrl(token, "a", "https://example.com/a", 3);
    long b = api.registerUrl(token, "b", "https://example.com/b", 3);
    Instant t = Instant.now().minus(Duration.ofHours(1));
    data.alert(a, t, t.plusSeconds(60), 4);
    data.alert(a, t.plusSeconds(600), null, 5);
    data.alert(b, t.plusSeconds(300), t.plusSeconds(400), 4);

    mvc.perform(withToken(get("/api/v1/urls/" + a + "/alerts"), token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items", hasSize(2)))
        .andExpect(jsonPath("$.items[0].open").value(true))
        .andExpect(jsonPath("$.items[0].failureCount").value(5));
    mvc.perform(withToken(get("/api/v1/alerts"), token))
        .andExpect(jsonPath("$.totalItems").value(3));
    mvc.perform(withToken(get("/api/v1/alerts?state=open"), token))
        .andExpect(jsonPath("$.totalItems").value(1))
        .andExpect(jsonPath("$.items[0].urlId").value(a));
  }
}

package io.upwatch.api;

import static io.upwatch.api.support.ApiClient.credentials;
import static io.upwatch.api.support.ApiClient.json;
import static io.upwatch.api.support.ApiClient.withToken;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Every call of the original's endpoint guide, as its users' scripts make them. */
@ApiIntegrationTest
class GomonRoutesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired ApiClient api;
  @Autowired TestData data;

  @BeforeEach
  void reset() {
    data.reset();
  }

  @Test
  void signupAnswersCreatedWithTheUserButNeverItsPassword() throws Exception {
    mvc.perform(json(post("/user/signup"), credentials("test3", "12345678")))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.ID").isNumber())
        .andExpect(jsonPath("$.Username").value("test3"))
        .andExpect(jsonPath("$.CreatedAt").isString())
        .andExpect(jsonPath("$.Password").doesNotExist())
        .andExpect(content().string(not(org.hamcrest.Matchers.containsString("12345678"))));
  }

  @Test
  void loginReturnsAJwtWithTheOriginalsUsernameClaim() throws Exception {
    String token = api.signUpAndLogIn("test3");

    String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    org.assertj.core.api.Assertions.assertThat(payload)
        .contains("\"username\":\"test3\"")
        .contains("\"exp\":");
  }

  @Test
  void duplicateSignupIsAConflict() throws Exception {
    api.signUpAndLogIn("test3");

    mvc.perform(json(post("/user/signup"), credentials("test3", "otherpass1")))
        .andExpect(status().isConflict())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("user already exists"));
  }

  @Test
  void wrongPasswordAndUnknownUserAnswerTheSame401() throws Exception {
    api.signUpAndLogIn("test3");

    mvc.perform(json(post("/user/login"), credentials("test3", "wrongpass")))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.detail").value("wrong username or password"));
    mvc.perform(json(post("/user/login"), credentials("nobody", "wrongpass")))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.detail").value("wrong username or password"));
  }

  @Test
  void registerUrlTakesThresholdAsANumericStringAndAnswersTheOriginalsFields() throws Exception {
    String token = api.signUpAndLogIn("test3");

    mvc.perform(
            withToken(
                json(
                    post("/url/register-url"),
                    """
                    {"name": "google", "url": "https://google.com", "threshold": "5"}
                    """),
                token))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.ID").isNumber())
        .andExpect(jsonPath("$.Name").value("google"))
        .andExpect(jsonPath("$.Url").value("https://google.com"))
        .andExpect(jsonPath("$.Threshold").value("5"))
        .andExpect(jsonPath("$.Username").value("test3"));
    mvc.perform(withToken(get("/url/urls"), token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$", hasSize(1)))
        .andExpect(jsonPath("$[0].Name").value("google"));
  }

  @Test
  void registerUrlAcceptsANumericThresholdAndABareHostLikeTheOriginal() throws Exception {
    String token = api.signUpAndLogIn("test3");

    mvc.perform(
            withToken(
                json(
                    post("/url/register-url"),
                    """
                    {"name": "bare", "url": "example.com/health", "threshold": 2}
                    """),
                token))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.Url").value("http://example.com/health"))
        .andExpect(jsonPath("$.Threshold").value("2"));
  }

  @Test
  void registeringBeyondMaxUrlCountIsRefusedAndWritesNothing() throws Exception {
    String token = api.signUpAndLogIn("test3");
    for (int i = 0; i < 10; i++) {
      api.registerUrl(token, "u" + i, "http://127.0.0.1:9/" + i, 1);
    }

    mvc.perform(
            withToken(
                json(
                    post("/url/register-url"),
                    """
                    {"name": "eleventh", "url": "http://127.0.0.1/", "threshold": "1"}
                    """),
                token))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "user reached max url count: the limit is 10 URLs per user; an operator can"
                        + " raise it with MAX_URL_COUNT"))
        .andExpect(jsonPath("$.type").value("https://upwatch.io/problems/url-limit-reached"));
    mvc.perform(
            withToken(
                json(
                    post("/api/v1/urls"),
                    "{\"name\": \"eleventh\", \"url\": \"http://127.0.0.1/\", \"threshold\": 1}"),
                token))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("MAX_URL_COUNT")));
    org.assertj.core.api.Assertions.assertThat(data.count("urls")).isEqualTo(10);
  }

  @Test
  void statsCountSuccessesAndFailuresOfThePast24Hours() throws Exception {
    String token = api.signUpAndLogIn("test3");
    long id = api.registerUrl(token, "google", "https://google.com", 4);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    data.check(id, now.minus(Duration.ofMinutes(1)), 200, null, 20);
    data.check(id, now.minus(Duration.ofMinutes(2)), 404, null, 20);
    data.check(id, now.minus(Duration.ofMinutes(3)), 503, null, 20);
    data.check(id, now.minus(Duration.ofMinutes(4)), null, "TIMEOUT", 10_000);
    data.check(id, now.minus(Duration.ofHours(25)), 503, null, 20);

    mvc.perform(withToken(json(post("/url/stats"), "{\"name\": \"google\"}"), token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.successes").value(2))
        .andExpect(jsonPath("$.failures").value(2));
  }

  @Test
  void alertsListTheNamedUrlsAlertsWithTheOriginalsFields() throws Exception {
    String token = api.signUpAndLogIn("test3");
    long id = api.registerUrl(token, "google", "https://google.com", 4);
    Instant opened = Instant.parse("2026-01-02T03:04:05Z");
    data.alert(id, opened, opened.plusSeconds(60), 6);

    mvc.perform(withToken(json(post("/alert/alerts"), "{\"urlname\": \"google\"}"), token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$", hasSize(1)))
        .andExpect(jsonPath("$[0].ID").isNumber())
        .andExpect(jsonPath("$[0].UrlID").value(id))
        .andExpect(jsonPath("$[0].Time").value(opened.getEpochSecond()))
        .andExpect(jsonPath("$[0].Url.Name").value("google"));
  }

  @Test
  void statsAndAlertsOfAnUnknownNameAreNotFound() throws Exception {
    String token = api.signUpAndLogIn("test3");

    mvc.perform(withToken(json(post("/url/stats"), "{\"name\": \"nothing\"}"), token))
        .andExpect(status().isNotFound());
    mvc.perform(withToken(json(post("/alert/alerts"), "{\"urlname\": \"nothing\"}"), token))
        .andExpect(status().isNotFound());
  }

  @Test
  void routesOtherThanSignupAndLoginNeedAToken() throws Exception {
    mvc.perform(get("/url/urls"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(json(post("/url/stats"), "{\"name\": \"x\"}")).andExpect(status().isUnauthorized());
    mvc.perform(json(post("/alert/alerts"), "{\"urlname\": \"x\"}"))
        .andExpect(status().isUnauthorized());
  }
}

package io.upwatch.api;

import static io.upwatch.api.support.ApiClient.json;
import static io.upwatch.api.support.ApiClient.withToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.upwatch.api.support.ApiClient;
import io.upwatch.api.support.ApiIntegrationTest;
import io.upwatch.api.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A threshold the failure window can never exceed (at most ceil(window / interval) checks fit in
 * it) is refused by {@code /api/v1}, stored but flagged when it comes through the original's
 * routes. With the defaults (60 s interval, 300 s window) five checks fit, so 4 is the largest
 * threshold.
 */
@ApiIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AlertRuleReachIntegrationTests {

  private static final String UNREACHABLE_DETAIL =
      "threshold 5 can never be exceeded: at most 5 checks fit in a 300 s window at a 60 s"
          + " interval; use a threshold of at most 4 (or a longer window or a shorter interval).";

  @Autowired MockMvc mvc;
  @Autowired ApiClient api;
  @Autowired TestData data;

  String token;

  @BeforeEach
  void user() throws Exception {
    data.reset();
    token = api.signUpAndLogIn("alice");
  }

  @Test
  void createWithAThresholdTheWindowCannotExceedIsRefusedWithTheLargestReachable()
      throws Exception {
    expectUnreachable(
            create("{\"name\": \"site\", \"url\": \"https://example.com/\", \"threshold\": 5}"))
        .andExpect(jsonPath("$.detail").value(UNREACHABLE_DETAIL));
    expectUnreachable(
            create(
                """
                {"name": "site", "url": "https://example.com/", "threshold": 2,
                 "intervalSeconds": 600, "failureWindowSeconds": 900}
                """))
        .andExpect(jsonPath("$.maxReachableThreshold").value(1));
    assertThat(data.count("urls")).isZero();
  }

  @Test
  void theLargestReachableThresholdIsAccepted() throws Exception {
    create("{\"name\": \"site\", \"url\": \"https://example.com/\", \"threshold\": 4}")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.ruleCanFire").value(true))
        .andExpect(jsonPath("$.warnings", empty()));
    // A window that is not a multiple of the interval still holds the partial slot: ceil(250/60).
    create(
            """
            {"name": "odd", "url": "https://example.com/", "threshold": 4,
             "failureWindowSeconds": 250}
            """)
        .andExpect(status().isCreated());
  }

  @Test
  void patchIsCheckedOnTheCombinationAfterTheChangeAndChangesNothingWhenRefused() throws Exception {
    long id = api.registerUrl(token, "site", "https://example.com/", 4);

    expectUnreachable(update(id, "{\"threshold\": 5}"))
        .andExpect(jsonPath("$.detail").value(UNREACHABLE_DETAIL));
    expectUnreachable(update(id, "{\"intervalSeconds\": 120, \"name\": \"renamed\"}"))
        .andExpect(jsonPath("$.maxReachableThreshold").value(2));
    expectUnreachable(update(id, "{\"failureWindowSeconds\": 240}"))
        .andExpect(jsonPath("$.maxReachableThreshold").value(3));

    mvc.perform(withToken(get("/api/v1/urls/" + id), token))
        .andExpect(jsonPath("$.name").value("site"))
        .andExpect(jsonPath("$.threshold").value(4))
        .andExpect(jsonPath("$.intervalSeconds").value(60))
        .andExpect(jsonPath("$.failureWindowSeconds").value(300));
    update(id, "{\"threshold\": 5, \"failureWindowSeconds\": 360}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.threshold").value(5));
  }

  @Test
  void originalRoutesStoreADeadRuleButItIsLoggedAndShownAsAWarning(CapturedOutput output)
      throws Exception {
    mvc.perform(
            withToken(
                json(
                    post("/url/register-url"),
                    "{\"name\": \"google\", \"url\": \"https://google.com\", \"threshold\": \"5\"}"),
                token))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.Threshold").value("5"))
        .andExpect(jsonPath("$.ruleCanFire").doesNotExist())
        .andExpect(jsonPath("$.warnings").doesNotExist());
    long id = data.count("urls");

    assertThat(output)
        .contains("WARN")
        .contains("URL " + id + " 'google' of user")
        .contains("will never raise an alert: threshold 5 can never be exceeded");
    mvc.perform(withToken(get("/api/v1/urls/" + id), token))
        .andExpect(jsonPath("$.ruleCanFire").value(false))
        .andExpect(jsonPath("$.warnings[0]").value(UNREACHABLE_DETAIL.replaceAll("\\.$", "")));
    // Settings other than the rule can still be changed; fixing the rule clears the warning.
    update(id, "{\"name\": \"renamed\"}").andExpect(status().isOk());
    update(id, "{\"threshold\": 4}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.ruleCanFire").value(true))
        .andExpect(jsonPath("$.warnings", empty()));
  }

  private ResultActions create(String body) throws Exception {
    return mvc.perform(withToken(json(post("/api/v1/urls"), body), token));
  }

  private ResultActions update(long id, String body) throws Exception {
    return mvc.perform(withToken(json(patch("/api/v1/urls/" + id), body), token));
  }

  private static ResultActions expectUnreachable(ResultActions result) throws Exception {
    return result
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://upwatch.io/problems/invalid-request"))
        .andExpect(jsonPath("$.errors[0].field").value("threshold"))
        .andExpect(jsonPath("$.maxReachableThreshold").isNumber());
  }
}

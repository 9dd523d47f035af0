package io.upwatch.api;

import static io.upwatch.api.support.ApiClient.json;
import static io.upwatch.api.support.ApiClient.withToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.upwatch.api.support.ApiClient;
import io.upwatch.api.support.ApiIntegrationTest;
import io.upwatch.api.support.TestData;
import io.upwatch.common.notify.NotificationEvent;
import io.upwatch.common.notify.NotificationPayload;
import io.upwatch.common.notify.NotificationPayloads;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** /api/v1/channels end to end: validation, routing, secrets kept back, isolation, history. */
@ApiIntegrationTest
class ChannelApiIntegrationTests {

  static final String SECRET = "s3cret-signing-key-0123456789";
  static final String SLACK_URL = "https://hooks.slack.com/services/T000/B000/XXXXSLACKTOKEN";

  @Autowired MockMvc mvc;
  @Autowired ApiClient api;
  @Autowired TestData data;
  @Autowired JdbcClient jdbc;

  String alice;
  long shop;

  @BeforeEach
  void signUp() throws Exception {
    data.reset();
    alice = api.signUpAndLogIn("alice");
    shop = api.registerUrl(alice, "shop", "https://shop.example", 2);
  }

  @Test
  void webhookIsCreatedLinkedToUrlsAndItsSecretIsNeverShown() throws Exception {
    String body =
        mvc.perform(
                as(
                    alice,
                    post("/api/v1/channels"),
                    """
                    {"name": "ops hook", "type": "webhook", "target": "https://hooks.example/u",
                     "secret": "%s", "urlIds": [%d]}
                    """
                        .formatted(SECRET, shop)))
            .andExpect(status().isCreated())
            .andExpect(header().exists("Location"))
            .andExpect(jsonPath("$.type").value("webhook"))
            .andExpect(jsonPath("$.secretSet").value(true))
            .andExpect(jsonPath("$.allUrls").value(false))
            .andExpect(jsonPath("$.urlIds[0]").value(shop))
            .andReturn()
            .getResponse()
            .getContentAsString();
    long id = ((Number) JsonPath.read(body, "$.id")).longValue();

    assertThat(body).doesNotContain(SECRET);
    assertThat(read(alice, "/api/v1/channels")).doesNotContain(SECRET).contains("ops hook");
    assertThat(read(alice, "/api/v1/channels/" + id)).doesNotContain(SECRET);
  }

  @Test
  void slackUrlIsACredentialAndOnlyItsHostIsShown() throws Exception {
    String body =
        mvc.perform(
                as(
                    alice,
                    post("/api/v1/channels"),
                    """
                    {"name": "slack", "type": "SLACK", "target": "%s"}
                    """
                        .formatted(SLACK_URL)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.target").value("https://hooks.slack.com/…"))
            .andExpect(jsonPath("$.allUrls").value(true))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(body).doesNotContain("XXXXSLACKTOKEN");
    assertThat(read(alice, "/api/v1/channels")).doesNotContain("XXXXSLACKTOKEN");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"name\": \"h\", \"type\": \"webhook\", \"target\": \"https://h.example\"}",
        "{\"name\": \"h\", \"type\": \"webhook\", \"target\": \"ftp://h.example\", \"secret\": \"0123456789abcdef\"}",
        "{\"name\": \"h\", \"type\": \"webhook\", \"target\": \"https://u:p@h.example\", \"secret\": \"0123456789abcdef\"}",
        "{\"name\": \"h\", \"type\": \"webhook\", \"target\": \"https://h.example\", \"secret\": \"short\"}",
        "{\"name\": \"s\", \"type\": \"slack\", \"target\": \"http://hooks.slack.com/x\"}",
        "{\"name\": \"s\", \"type\": \"slack\", \"target\": \"https://hooks.slack.com/x\", \"secret\": \"0123456789abcdef\"}",
        "{\"name\": \"e\", \"type\": \"email\", \"target\": \"not an address\"}",
        "{\"name\": \"e\", \"type\": \"email\", \"target\": \"a@b.example\\r\\nBcc: x@y.example\"}",
        "{\"name\": \"p\", \"type\": \"pager\", \"target\": \"https://h.example\"}",
        "{\"name\": \" \", \"type\": \"email\", \"target\": \"a@b.example\"}",
        "{\"name\": \"e\", \"type\": \"email\", \"target\": \"a@b.example\", \"urlIds\": [0]}",
        "{\"name\": \"e\", \"type\": \"email\", \"target\": \"a@b.example\", \"urlIds\": \"all\"}",
        "[]"
      })
  void invalidChannelIsA400ProblemAndCreatesNothing(String request) throws Exception {
    mvc.perform(as(alice, post("/api/v1/channels"), request))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));

    assertThat(data.count("notification_channels")).isZero();
  }

  @Test
  void anotherUsersUrlCannotBeLinkedAndIsReportedAsUnknown() throws Exception {
    String bob = api.signUpAndLogIn("bob");
    long bobs = api.registerUrl(bob, "bobs", "https://bob.example", 1);

    mvc.perform(
            as(
                alice,
                post("/api/v1/channels"),
                """
                {"name": "e", "type": "email", "target": "a@b.example", "urlIds": [%d, 999999]}
                """
                    .formatted(bobs)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("999999")))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("" + bobs)));
    assertThat(data.count("notification_channels")).isZero();
  }

  @Test
  void anotherUsersChannelIsNotFoundWhateverTheOperation() throws Exception {
    long id = createEmail(alice, "mail");
    String bob = api.signUpAndLogIn("bob");

    mvc.perform(withToken(get("/api/v1/channels/" + id), bob)).andExpect(status().isNotFound());
    mvc.perform(as(bob, patch("/api/v1/channels/" + id), "{\"enabled\": false}"))
        .andExpect(status().isNotFound());
    mvc.perform(withToken(post("/api/v1/channels/" + id + "/test"), bob))
        .andExpect(status().isNotFound());
    mvc.perform(withToken(get("/api/v1/channels/" + id + "/deliveries"), bob))
        .andExpect(status().isNotFound());
    mvc.perform(withToken(delete("/api/v1/channels/" + id), bob)).andExpect(status().isNotFound());
    assertThat(read(bob, "/api/v1/channels")).isEqualTo("[]");
    assertThat(data.count("notification_channels")).isEqualTo(1);
    assertThat(data.count("notification_deliveries")).isZero();
  }

  @Test
  void duplicateNameIsAConflict() throws Exception {
    createEmail(alice, "mail");

    mvc.perform(
            as(
                alice,
                post("/api/v1/channels"),
                "{\"name\": \"mail\", \"type\": \"email\", \"target\": \"x@y.example\"}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.type").value("https://upwatch.io/problems/channel-name-taken"));
  }

  @Test
  void updateRoutesToAllUrlsWithAnEmptyListAndKeepsTheTypeRules() throws Exception {
    long id = createEmail(alice, "mail");
    mvc.perform(as(alice, patch("/api/v1/channels/" + id), "{\"urlIds\": [%d]}".formatted(shop)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.allUrls").value(false));
    mvc.perform(as(alice, patch("/api/v1/channels/" + id), "{\"urlIds\": [], \"enabled\": false}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.allUrls").value(true))
        .andExpect(jsonPath("$.enabled").value(false));

    mvc.perform(as(alice, patch("/api/v1/channels/" + id), "{\"secret\": \"0123456789abcdef\"}"))
        .andExpect(status().isBadRequest());
    mvc.perform(as(alice, patch("/api/v1/channels/" + id), "{\"target\": \"nope\"}"))
        .andExpect(status().isBadRequest());
  }

  @Test
  void testMessageIsQueuedAndShowsInTheDeliveryHistory() throws Exception {
    long id = createEmail(alice, "mail");

    String body =
        mvc.perform(withToken(post("/api/v1/channels/" + id + "/test"), alice))
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String eventId = JsonPath.read(body, "$.eventId");

    mvc.perform(withToken(get("/api/v1/channels/" + id + "/deliveries"), alice))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.totalItems").value(1))
        .andExpect(jsonPath("$.items[0].eventId").value(eventId))
        .andExpect(jsonPath("$.items[0].event").value("test"))
        .andExpect(jsonPath("$.items[0].status").value("pending"))
        .andExpect(jsonPath("$.items[0].attempts").value(0));
    NotificationPayload payload =
        NotificationPayloads.fromJson(
            jdbc.sql("SELECT payload::text FROM notification_deliveries")
                .query(String.class)
                .single());
    assertThat(payload.eventId()).isEqualTo(eventId);
    assertThat(payload.event()).isEqualTo(NotificationEvent.TEST);
    assertThat(payload.channel()).isEqualTo(new NotificationPayload.Channel(id, "mail"));
  }

  @Test
  void deletingTheChannelDeletesItsHistory() throws Exception {
    long id = createEmail(alice, "mail");
    mvc.perform(withToken(post("/api/v1/channels/" + id + "/test"), alice))
        .andExpect(status().isAccepted());

    mvc.perform(withToken(delete("/api/v1/channels/" + id), alice))
        .andExpect(status().isNoContent());

    assertThat(data.count("notification_deliveries")).isZero();
    mvc.perform(withToken(get("/api/v1/channels/" + id), alice)).andExpect(status().isNotFound());
  }

  private long createEmail(String token, String name) throws Exception {
    String body =
        mvc.perform(
                as(
                    token,
                    post("/api/v1/channels"),
                    "{\"name\": \"%s\", \"type\": \"email\", \"target\": \"ops@example.org\"}"
                        .formatted(name)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return ((Number) JsonPath.read(body, "$.id")).longValue();
  }

  private String read(String token, String path) throws Exception {
    return mvc.perform(withToken(get(path), token))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private static MockHttpServletRequestBuilder as(
      String token, MockHttpServletRequestBuilder request, String body) {
    return withToken(json(request, body), token);
  }
}

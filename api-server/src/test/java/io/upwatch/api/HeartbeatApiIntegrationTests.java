package io.upwatch.api;

import static io.upwatch.api.support.ApiClient.json;
import static io.upwatch.api.support.ApiClient.withToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.upwatch.api.support.ApiClient;
import io.upwatch.api.support.ApiIntegrationTest;
import io.upwatch.api.support.TestData;
import io.upwatch.common.CheckResult;
import io.upwatch.common.FailureKind;
import io.upwatch.common.Streams;
import io.upwatch.common.queue.QueuePartitions;
import io.upwatch.common.queue.StreamEntry;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Heartbeat monitors through /api/v1 and their public ping URLs. */
@ApiIntegrationTest
class HeartbeatApiIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired ApiClient api;
  @Autowired TestData data;
  @Autowired JdbcClient jdbc;
  @Autowired StringRedisTemplate redis;
  @Autowired QueuePartitions partitions;

  String token;

  @BeforeEach
  void signUp() throws Exception {
    data.reset();
    token = api.signUpAndLogIn("alice");
  }

  @Test
  void heartbeatIsRegisteredWithPingUrlsAndDueItsFirstPingAfterPeriodPlusGrace() throws Exception {
    Instant before = Instant.now();
    String body =
        mvc.perform(
                withToken(
                    json(
                        post("/api/v1/urls"),
                        """
                        {"name": "backup", "kind": "HEARTBEAT",
                         "heartbeat": {"periodSeconds": 3600, "graceSeconds": 300}}
                        """),
                    token))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.kind").value("HEARTBEAT"))
            .andExpect(jsonPath("$.url").value(nullValue()))
            .andExpect(jsonPath("$.threshold").value(0))
            .andExpect(jsonPath("$.intervalSeconds").value(3600))
            .andExpect(jsonPath("$.heartbeat.periodSeconds").value(3600))
            .andExpect(jsonPath("$.heartbeat.graceSeconds").value(300))
            .andExpect(
                jsonPath("$.heartbeat.pingUrl")
                    .value(matchesPattern("http://localhost/ping/[A-Za-z0-9_-]{22}")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String ping = JsonPath.read(body, "$.heartbeat.pingUrl");
    assertThat((String) JsonPath.read(body, "$.heartbeat.failUrl")).isEqualTo(ping + "/fail");
    assertThat((String) JsonPath.read(body, "$.heartbeat.startUrl")).isEqualTo(ping + "/start");
    Instant deadline = deadline(((Number) JsonPath.read(body, "$.id")).longValue());
    assertThat(deadline).isBetween(before.plusSeconds(3900), Instant.now().plusSeconds(3900));
  }

  @Test
  void pingNeedsNoTokenAndBecomesASuccessfulCheckOnTheResultStream() throws Exception {
    long id = heartbeat("backup");
    String ping = pingPath(id);

    mvc.perform(get(ping))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_PLAIN))
        .andExpect(content().string("OK"));
    mvc.perform(post(ping).content("done")).andExpect(status().isOk());

    List<CheckResult> results = results();
    assertThat(results).hasSize(2).allMatch(CheckResult::success);
    assertThat(results.getFirst().id().urlId()).isEqualTo(id);
    assertThat(results.getFirst().id().slot()).isCloseTo(Instant.now(), within(5));
    assertThat(data.count("checks")).as("no PostgreSQL write per ping").isZero();
  }

  @Test
  void failPingIsAReportedFailureCarryingTheEndOfItsBody() throws Exception {
    long id = heartbeat("backup");
    String log = "x".repeat(2000) + "\npg_dump: error: connection refused";

    mvc.perform(post(pingPath(id) + "/fail").contentType(MediaType.TEXT_PLAIN).content(log))
        .andExpect(status().isOk());
    mvc.perform(get(pingPath(id) + "/fail")).andExpect(status().isOk());
    // As curl --data-binary sends it: form encoded, though it is not a form.
    mvc.perform(
            post(pingPath(id) + "/fail")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("tar: a+b & c: 100% full"))
        .andExpect(status().isOk());

    List<CheckResult> results = results();
    assertThat(results).allMatch(r -> r.failureKind() == FailureKind.REPORTED_FAILURE);
    assertThat(results.getFirst().message())
        .hasSize(CheckResult.MAX_MESSAGE_LENGTH)
        .startsWith("…")
        .endsWith("pg_dump: error: connection refused");
    assertThat(results.get(1).message()).isEqualTo("the job reported a failure");
    assertThat(results.get(2).message()).isEqualTo("tar: a+b & c: 100% full");
  }

  @Test
  void startThenSuccessRecordsTheRunsDurationAsLatency() throws Exception {
    long id = heartbeat("backup");

    mvc.perform(get(pingPath(id) + "/start")).andExpect(status().isOk());
    assertThat(results()).as("a start alone is no check").isEmpty();
    Thread.sleep(300);
    mvc.perform(get(pingPath(id))).andExpect(status().isOk());
    mvc.perform(get(pingPath(id))).andExpect(status().isOk());

    List<CheckResult> results = results();
    assertThat(results.getFirst().latencyMillis()).isBetween(300L, 5000L);
    assertThat(results.get(1).latencyMillis()).as("the start is used once").isZero();
  }

  @Test
  void unknownMalformedAndRotatedTokensAnswer404Problems() throws Exception {
    long id = heartbeat("backup");
    String old = pingPath(id);

    for (String path : List.of("/ping/AAAAAAAAAAAAAAAAAAAAAA", "/ping/short", "/ping/x/fail")) {
      mvc.perform(get(path))
          .andExpect(status().isNotFound())
          .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.type").value("https://upwatch.io/problems/ping-token-unknown"));
    }
    mvc.perform(withToken(post("/api/v1/urls/" + id + "/ping-token"), token))
        .andExpect(status().isOk());

    mvc.perform(get(old)).andExpect(status().isNotFound());
    mvc.perform(get(pingPath(id))).andExpect(status().isOk());
    mvc.perform(withToken(delete("/api/v1/urls/" + id), token)).andExpect(status().isNoContent());
    mvc.perform(get(old.replace("/fail", ""))).andExpect(status().isNotFound());
    assertThat(results()).hasSize(1);
  }

  @Test
  void pausedHeartbeatsPingsAreAnsweredAndNotRecorded() throws Exception {
    long id = heartbeat("backup");
    mvc.perform(withToken(post("/api/v1/urls/" + id + "/pause"), token)).andExpect(status().isOk());

    mvc.perform(get(pingPath(id))).andExpect(status().isOk());

    assertThat(results()).isEmpty();
  }

  @Test
  void changingThePeriodRestartsTheWaitForTheNextPing() throws Exception {
    long id = heartbeat("backup");
    jdbc.sql("UPDATE urls SET next_check_at = now() - interval '1 hour' WHERE id = ?")
        .param(id)
        .update();

    mvc.perform(
            withToken(
                json(
                    patch("/api/v1/urls/" + id),
                    "{\"heartbeat\": {\"periodSeconds\": 120, \"graceSeconds\": 30}}"),
                token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.heartbeat.periodSeconds").value(120))
        .andExpect(jsonPath("$.heartbeat.graceSeconds").value(30));

    assertThat(deadline(id))
        .isBetween(Instant.now().plusSeconds(140), Instant.now().plusSeconds(151));
  }

  @Test
  void badHeartbeatSettingsAre400ProblemsNamingTheField() throws Exception {
    expectInvalid("{\"name\": \"b\", \"kind\": \"HEARTBEAT\"}", "heartbeat");
    expectInvalid(
        "{\"name\": \"b\", \"kind\": \"HEARTBEAT\", \"heartbeat\": {\"graceSeconds\": 5}}",
        "heartbeat.periodSeconds");
    expectInvalid(
        "{\"name\": \"b\", \"kind\": \"HEARTBEAT\", \"heartbeat\": {\"periodSeconds\": 5}}",
        "heartbeat.periodSeconds");
    expectInvalid(
        "{\"name\": \"b\", \"kind\": \"HEARTBEAT\","
            + " \"heartbeat\": {\"periodSeconds\": 60, \"graceSeconds\": -1}}",
        "heartbeat.graceSeconds");
    expectInvalid(
        "{\"name\": \"b\", \"kind\": \"HEARTBEAT\", \"url\": \"https://example.com/\","
            + " \"heartbeat\": {\"periodSeconds\": 60}}",
        "url");
    expectInvalid(
        "{\"name\": \"b\", \"kind\": \"HEARTBEAT\", \"intervalSeconds\": 60,"
            + " \"heartbeat\": {\"periodSeconds\": 60}}",
        "intervalSeconds");
    expectInvalid(
        "{\"name\": \"b\", \"url\": \"https://example.com/\", \"threshold\": 1,"
            + " \"heartbeat\": {\"periodSeconds\": 60}}",
        "heartbeat");
    expectInvalid("{\"name\": \"b\", \"url\": \"https://example.com/\"}", "threshold");
    expectInvalid(
        "{\"name\": \"b\", \"kind\": \"HEARTBEAT\", \"threshold\": 1,"
            + " \"heartbeat\": {\"periodSeconds\": 60}, \"failureWindowSeconds\": 60}",
        "threshold");
    mvc.perform(
            withToken(json(post("/api/v1/urls"), "{\"name\": \"b\", \"kind\": \"FTP\"}"), token))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    long http = api.registerUrl(token, "site", "https://example.com/", 1);
    mvc.perform(withToken(post("/api/v1/urls/" + http + "/ping-token"), token))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("kind"));
    assertThat(data.count("urls")).isEqualTo(1);
  }

  private void expectInvalid(String body, String field) throws Exception {
    mvc.perform(withToken(json(post("/api/v1/urls"), body), token))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value(field));
  }

  private long heartbeat(String name) throws Exception {
    String body =
        mvc.perform(
                withToken(
                    json(
                        post("/api/v1/urls"),
                        """
                        {"name": "%s", "kind": "HEARTBEAT", "heartbeat": {"periodSeconds": 60}}
                        """
                            .formatted(name)),
                    token))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return ((Number) JsonPath.read(body, "$.id")).longValue();
  }

  private String pingPath(long id) {
    return "/ping/"
        + jdbc.sql("SELECT ping_token FROM urls WHERE id = ?")
            .param(id)
            .query(String.class)
            .single();
  }

  private Instant deadline(long id) {
    return jdbc.sql("SELECT next_check_at FROM urls WHERE id = ?")
        .param(id)
        .query(Timestamp.class)
        .single()
        .toInstant();
  }

  /** Every result on the result stream, all partitions, oldest first. */
  private List<CheckResult> results() {
    return partitions
        .all()
        .boxed()
        .flatMap(p -> redis.opsForStream().range(Streams.results(p), Range.unbounded()).stream())
        .sorted(
            java.util.Comparator.comparing(
                    (org.springframework.data.redis.connection.stream.MapRecord<
                                String, Object, Object>
                            r) -> r.getId().getTimestamp())
                .thenComparing(r -> r.getId().getSequence()))
        .map(r -> CheckResult.fromFields(StreamEntry.fieldsOf(r)))
        .toList();
  }

  private static org.assertj.core.data.TemporalUnitOffset within(int seconds) {
    return new org.assertj.core.data.TemporalUnitWithinOffset(
        seconds, java.time.temporal.ChronoUnit.SECONDS);
  }
}

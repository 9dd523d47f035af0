package io.upwatch.api;

import static io.upwatch.api.support.ApiClient.json;
import static io.upwatch.api.support.ApiClient.withToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.upwatch.api.support.ApiClient;
import io.upwatch.api.support.ApiIntegrationTest;
import io.upwatch.api.support.TestData;
import io.upwatch.schema.SlotGrid;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * How API writes move a URL's slots (its interval and phase), which the schedulers read and never
 * write: a new URL is checked within about a second, a change never brings a check right after one
 * that may have been handed out, and a URL resumed after a pause that skipped a slot is due at
 * once.
 */
@ApiIntegrationTest
class RescheduleIntegrationTests {

  static final Duration LEAD = Duration.ofSeconds(1);

  @Autowired MockMvc mvc;
  @Autowired ApiClient api;
  @Autowired TestData data;
  @Autowired JdbcClient jdbc;

  String token;
  long id;
  String path;
  Instant created;

  @BeforeEach
  void registerAUrl() throws Exception {
    data.reset();
    token = api.signUpAndLogIn("alice");
    created = Instant.now();
    id = api.registerUrl(token, "site", "https://example.com/", 3);
    path = "/api/v1/urls/" + id;
  }

  @Test
  void newUrlIsFirstCheckedAboutASecondAfterItsCreation() {
    Instant first = grid().firstAtOrAfter(created.truncatedTo(ChronoUnit.MILLIS));

    assertThat(first).isBetween(created.plus(LEAD).minusMillis(1), Instant.now().plus(LEAD));
    assertThat(nextCheckAt()).as("a deadline of heartbeats only").isNull();
  }

  @Test
  void thresholdAndTargetChangesKeepTheGrid() throws Exception {
    SlotGrid before = grid();

    perform(json(patch(path), "{\"threshold\": 4}"));
    perform(json(patch(path), "{\"url\": \"https://example.com/other\", \"timeoutSeconds\": 3}"));

    assertThat(grid()).isEqualTo(before);
  }

  @Test
  void longerIntervalPutsTheNextSlotOneNewIntervalAfterTheLastSlot() throws Exception {
    Instant last = lastSlotHalfAnIntervalAgo();

    perform(json(patch(path), "{\"intervalSeconds\": 300, \"failureWindowSeconds\": 1500}"));

    assertThat(grid().firstAtOrAfter(Instant.now())).isEqualTo(last.plusSeconds(300));
  }

  @Test
  void shorterIntervalNeverBringsACheckSoonerThanOneNewIntervalAfterTheLastSlot() throws Exception {
    Instant last = lastSlotHalfAnIntervalAgo();
    Instant before = Instant.now();

    perform(json(patch(path), "{\"intervalSeconds\": 10}"));

    // The last slot plus 10 s has passed: the next check comes one lead after the write.
    Instant next = grid().firstAtOrAfter(before);
    assertThat(next).isAfter(last.plusSeconds(10)).isBetween(before, Instant.now().plus(LEAD));
  }

  @Test
  void pauseAndQuickResumeKeepTheGrid() throws Exception {
    SlotGrid before = grid();

    perform(post(path + "/pause"));
    assertThat(pausedAt()).isNotNull();
    perform(json(patch(path), "{\"enabled\": true}"));

    assertThat(grid()).isEqualTo(before);
    assertThat(pausedAt()).isNull();
  }

  @Test
  void resumeAfterAPauseThatSkippedASlotMakesTheUrlDueAtOnce() throws Exception {
    perform(post(path + "/pause"));
    jdbc.sql("UPDATE urls SET paused_at = now() - interval '1 hour' WHERE id = ?")
        .param(id)
        .update();
    Instant before = Instant.now();

    perform(post(path + "/resume"));

    assertThat(grid().firstAtOrAfter(before))
        .isBetween(before.plus(LEAD).minusMillis(1), Instant.now().plus(LEAD));
  }

  @Test
  void intervalChangedWhilePausedCountsFromTheLastSlotBeforeThePause() throws Exception {
    Instant last = lastSlotHalfAnIntervalAgo();
    perform(post(path + "/pause"));
    perform(json(patch(path), "{\"intervalSeconds\": 600, \"failureWindowSeconds\": 6000}"));

    perform(post(path + "/resume"));

    assertThat(grid().firstAtOrAfter(Instant.now())).isEqualTo(last.plusSeconds(600));
  }

  // Puts the URL's grid (60 s) so that its last slot was 30 s ago: no slot near the write's time.
  private Instant lastSlotHalfAnIntervalAgo() {
    Instant last = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
    jdbc.sql("UPDATE urls SET phase_ms = ? WHERE id = ?")
        .params(SlotGrid.through(last, Duration.ofSeconds(60)).phaseMs(), id)
        .update();
    return last;
  }

  private void perform(MockHttpServletRequestBuilder request) throws Exception {
    mvc.perform(withToken(request, token)).andExpect(status().isOk());
  }

  private SlotGrid grid() {
    return jdbc.sql("SELECT interval_seconds, phase_ms FROM urls WHERE id = ?")
        .param(id)
        .query(
            (rs, row) ->
                new SlotGrid(
                    Duration.ofSeconds(rs.getInt("interval_seconds")), rs.getLong("phase_ms")))
        .single();
  }

  private Instant pausedAt() {
    Timestamp at =
        jdbc.sql("SELECT paused_at FROM urls WHERE id = ?")
            .param(id)
            .query(Timestamp.class)
            .list()
            .getFirst();
    return at == null ? null : at.toInstant();
  }

  private Instant nextCheckAt() {
    Timestamp at =
        jdbc.sql("SELECT next_check_at FROM urls WHERE id = ?")
            .param(id)
            .query(Timestamp.class)
            .list()
            .getFirst();
    return at == null ? null : at.toInstant();
  }
}

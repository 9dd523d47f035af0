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
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * API writes against a scheduler that advances the URL's cursor while they run: the write has
 * loaded the row before the claim and saves it after, as when a PATCH lands on a slot time.
 */
@ApiIntegrationTest
class ScheduleCursorIntegrationTests {

  static final Duration INTERVAL = Duration.ofSeconds(60);

  @Autowired MockMvc mvc;
  @Autowired ApiClient api;
  @Autowired TestData data;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;

  String token;
  long id;
  String path;

  @BeforeEach
  void registerAUrl() throws Exception {
    data.reset();
    token = api.signUpAndLogIn("alice");
    id = api.registerUrl(token, "site", "https://example.com/", 3);
    path = "/api/v1/urls/" + id;
  }

  @Test
  void thresholdChangeKeepsTheCursorTheSchedulerAdvancedMeanwhile() throws Exception {
    Instant claimed = whileTheSchedulerClaims(json(patch(path), "{\"threshold\": 4}"));

    assertThat(nextCheckAt()).isEqualTo(claimed);
  }

  @Test
  void pauseAndResumeKeepTheCursorTheSchedulerAdvancedMeanwhile() throws Exception {
    Instant claimed = whileTheSchedulerClaims(post(path + "/pause"));
    assertThat(nextCheckAt()).isEqualTo(claimed);

    claimed = whileTheSchedulerClaims(post(path + "/resume"));
    assertThat(nextCheckAt()).as("next slot still ahead: the grid is kept").isEqualTo(claimed);
  }

  @Test
  void resumeThroughPatchKeepsTheCursorTheSchedulerAdvancedMeanwhile() throws Exception {
    perform(json(patch(path), "{\"enabled\": false}"));

    Instant claimed = whileTheSchedulerClaims(json(patch(path), "{\"enabled\": true}"));

    assertThat(nextCheckAt()).isEqualTo(claimed);
  }

  @Test
  void intervalChangePutsTheNextSlotOneNewIntervalAfterTheSlotClaimedMeanwhile() throws Exception {
    Instant claimed =
        whileTheSchedulerClaims(
            json(patch(path), "{\"intervalSeconds\": 300, \"failureWindowSeconds\": 1500}"));

    Instant lastSlot = claimed.minus(INTERVAL);
    assertThat(nextCheckAt()).isEqualTo(lastSlot.plusSeconds(300));
  }

  @Test
  void shorterIntervalNeverBringsTheCursorBackToAClaimedSlot() throws Exception {
    Instant claimed = whileTheSchedulerClaims(json(patch(path), "{\"intervalSeconds\": 10}"));

    Instant lastSlot = claimed.minus(INTERVAL);
    assertThat(nextCheckAt()).isEqualTo(lastSlot.plusSeconds(10)).isAfter(lastSlot);
  }

  @Test
  void resumeAfterTheNextSlotPassedMakesTheUrlDueAtOnce() throws Exception {
    perform(post(path + "/pause"));
    jdbc.sql("UPDATE urls SET next_check_at = now() - interval '1 hour'").update();

    perform(post(path + "/resume"));

    Boolean dueNowNotInThePast =
        jdbc.sql(
                "SELECT next_check_at BETWEEN now() - interval '1 minute' AND now() FROM urls"
                    + " WHERE id = ?")
            .param(id)
            .query(Boolean.class)
            .single();
    assertThat(dueNowNotInThePast).isTrue();
  }

  @Test
  void targetChangeKeepsTheGrid() throws Exception {
    Instant before = nextCheckAt();

    perform(json(patch(path), "{\"url\": \"https://example.com/other\", \"timeoutSeconds\": 3}"));

    assertThat(nextCheckAt()).isEqualTo(before);
  }

  /**
   * Performs the request while a claim holds the URL's row, as the scheduler's {@code FOR UPDATE}
   * does: the request loads the row first, then waits for the claim to commit before it writes.
   * Returns the cursor the claim left.
   */
  private Instant whileTheSchedulerClaims(MockHttpServletRequestBuilder request) throws Exception {
    try (var claim = dataSource.getConnection()) {
      claim.setAutoCommit(false);
      Instant claimed;
      try (var advance =
          claim.prepareStatement(
              "UPDATE urls SET next_check_at = next_check_at + make_interval(secs => ?)"
                  + " WHERE id = ? RETURNING next_check_at")) {
        advance.setLong(1, INTERVAL.toSeconds());
        advance.setLong(2, id);
        var rs = advance.executeQuery();
        rs.next();
        claimed = rs.getTimestamp(1).toInstant();
      }
      var write = CompletableFuture.runAsync(() -> performUnchecked(request));
      awaitAWriteWaitingForTheClaim(write);
      claim.commit();
      write.join();
      return claimed;
    }
  }

  private void awaitAWriteWaitingForTheClaim(CompletableFuture<?> write)
      throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(10);
    while (Instant.now().isBefore(deadline) && !write.isDone()) {
      long waiting =
          jdbc.sql(
                  "SELECT count(*) FROM pg_stat_activity"
                      + " WHERE datname = current_database() AND wait_event_type = 'Lock'")
              .query(Long.class)
              .single();
      if (waiting > 0) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the API write never waited for the claim: " + write);
  }

  private void performUnchecked(MockHttpServletRequestBuilder request) {
    try {
      perform(request);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void perform(MockHttpServletRequestBuilder request) throws Exception {
    mvc.perform(withToken(request, token)).andExpect(status().isOk());
  }

  private Instant nextCheckAt() {
    return jdbc.sql("SELECT next_check_at FROM urls WHERE id = ?")
        .param(id)
        .query(Timestamp.class)
        .single()
        .toInstant();
  }
}

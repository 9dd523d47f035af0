package io.upwatch.api.dashboard;

import static io.upwatch.api.dashboard.DashboardAuthIntegrationTests.session;
import static io.upwatch.api.support.ApiClient.json;
import static io.upwatch.api.support.ApiClient.withToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.upwatch.api.support.ApiClient;
import io.upwatch.api.support.ApiIntegrationTest;
import io.upwatch.api.support.TestData;
import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The monitors list and a monitor's page, and writing monitors through the forms. */
@ApiIntegrationTest
class MonitorPagesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired ApiClient api;
  @Autowired TestData data;
  @Autowired JdbcClient jdbc;

  String token;
  Cookie cookie;

  @BeforeEach
  void signedIn() throws Exception {
    data.reset();
    token = api.signUpAndLogIn("viewer");
    cookie = session(token);
  }

  @Test
  void theListShowsEachMonitorsStateLastCheckUptimeAndSparkline() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    long up = api.registerUrl(token, "alpha-up", "https://up.example/", 2);
    long down = api.registerUrl(token, "bravo-down", "https://down.example/", 2);
    api.registerUrl(token, "charlie-new", "https://new.example/", 2);
    long paused = api.registerUrl(token, "delta-paused", "https://paused.example/", 2);
    jdbc.sql("UPDATE urls SET enabled = false WHERE id = ?").param(paused).update();
    data.check(up, now.minusSeconds(3 * 3600), 200, null, 40);
    data.check(up, now.minusSeconds(120), 503, null, 90);
    data.check(up, now.minusSeconds(60), 200, null, 30);
    data.check(down, now.minusSeconds(60), null, "CONNECT", 5);
    data.alert(down, now.minusSeconds(60), null, 3);

    mvc.perform(get("/").cookie(cookie))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("data-state=\"up\""),
                        containsString("data-state=\"down\""),
                        containsString("data-state=\"no-data\""),
                        containsString("data-state=\"paused\""),
                        containsString(">alert</span>"),
                        containsString("66.67 %"),
                        containsString("HTTP 200 · 30 ms"),
                        containsString("no response · 5 ms"),
                        containsString("Monitors 1–4"),
                        containsString(" of 4"),
                        containsString("<path class=\"line\""))));
  }

  @Test
  void searchAndStateFilterNarrowTheList() throws Exception {
    Instant now = Instant.now();
    long shop = api.registerUrl(token, "shop", "https://shop.example/", 2);
    long blog = api.registerUrl(token, "blog", "https://blog.example/", 2);
    data.check(shop, now.minusSeconds(30), 500, null, 10);
    data.check(blog, now.minusSeconds(30), 200, null, 10);

    mvc.perform(get("/").param("q", "BLOG.example").cookie(cookie))
        .andExpect(
            content().string(allOf(containsString(">blog<"), not(containsString(">shop<")))));
    mvc.perform(get("/").param("state", "down").cookie(cookie))
        .andExpect(
            content().string(allOf(containsString(">shop<"), not(containsString(">blog<")))));
    mvc.perform(get("/").param("q", "%").cookie(cookie))
        .andExpect(content().string(containsString("No monitor matches.")));
  }

  @Test
  void aSearchWithANulCharacterIsASearchNotAServerError() throws Exception {
    api.registerUrl(token, "blog", "https://blog.example/", 2);

    mvc.perform(get("/").param("q", "blog\u0000").cookie(cookie))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(">blog<")));
  }

  @Test
  void theListIsPagedOnTheServerFiftyAtATime() throws Exception {
    jdbc.sql(
            """
            INSERT INTO urls (user_id, name, url, threshold)
            SELECT u.id, 'm' || lpad(n::text, 3, '0'), 'https://example.org/' || n, 2
            FROM users u, generate_series(1, 120) n WHERE u.username = 'viewer'
            """)
        .update();
    mvc.perform(get("/").cookie(cookie))
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString(">m050<"),
                        not(containsString(">m051<")),
                        containsString("of 120"),
                        containsString("href=\"/?page=1\""))));
    mvc.perform(get("/").param("page", "2").cookie(cookie))
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString(">m101<"),
                        containsString(">m120<"),
                        not(containsString("rel=\"next\"")))));
  }

  @Test
  void aMonitorCreatedThroughTheFormIsStoredLikeAnApiOne() throws Exception {
    mvc.perform(
            form("/monitors")
                .param("name", "made-on-web")
                .param("url", "https://web.example/")
                .param("threshold", "2")
                .param("intervalSeconds", "30")
                .param("timeoutSeconds", "")
                .param("failureWindowSeconds", "120"))
        .andExpect(status().is3xxRedirection());
    var stored =
        jdbc.sql("SELECT interval_seconds, timeout_ms FROM urls WHERE name = 'made-on-web'")
            .query((rs, row) -> new int[] {rs.getInt(1), rs.getInt(2)})
            .single();
    assertThat(stored).containsExactly(30, 10_000);
  }

  @Test
  void aTcpMonitorIsCreatedAndEditedThroughTheFormUnderItsKind() throws Exception {
    mvc.perform(
            form("/monitors")
                .param("kind", "TCP")
                .param("name", "db")
                .param("url", "tcp://db.example:5432")
                .param("threshold", "1"))
        .andExpect(status().is3xxRedirection());
    long id = jdbc.sql("SELECT id FROM urls WHERE name = 'db'").query(Long.class).single();
    mvc.perform(get("/monitors/" + id + "/edit").cookie(cookie))
        .andExpect(content().string(containsString("value=\"TCP\"")));
    mvc.perform(
            form("/monitors/" + id)
                .param("kind", "TCP")
                .param("name", "db")
                .param("url", "tcp://db.example:6432")
                .param("threshold", "2"))
        .andExpect(status().is3xxRedirection());
    assertThat(
            jdbc.sql("SELECT kind || ' ' || url || ' ' || threshold FROM urls WHERE id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("TCP tcp://db.example:6432 2");
    mvc.perform(
            form("/monitors")
                .param("kind", "DNS")
                .param("name", "mx")
                .param("url", "tcp://not-a-name:1")
                .param("threshold", "1"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("id=\"url-error\"")));

    String created =
        mvc.perform(
                ApiClient.withToken(
                    ApiClient.json(
                        post("/api/v1/urls"),
                        """
                        {"name": "cron", "kind": "HEARTBEAT", "heartbeat": {"periodSeconds": 60}}
                        """),
                    token))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    long beat = ((Number) JsonPath.read(created, "$.id")).longValue();
    mvc.perform(get("/monitors/" + beat + "/edit").cookie(cookie))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("id=\"url\""))));
  }

  @Test
  void theFormShowsTheApisValidationMessagesBesideTheInputs() throws Exception {
    mvc.perform(
            form("/monitors")
                .param("name", "bad name!")
                .param("url", "ftp://x")
                .param("threshold", "2"))
        .andExpect(status().isBadRequest())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("id=\"name-error\""),
                        containsString("id=\"url-error\""),
                        containsString("aria-invalid=\"true\""))));
    mvc.perform(
            form("/monitors")
                .param("name", "typo")
                .param("url", "https://typo.example/")
                .param("threshold", "abc"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("must be a whole number")));
    mvc.perform(
            form("/monitors")
                .param("name", "never")
                .param("url", "https://never.example/")
                .param("threshold", "9"))
        .andExpect(status().isBadRequest())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("id=\"threshold-error\""),
                        containsString("threshold 9 can never be exceeded"))));
    assertThat(data.count("urls")).isZero();
  }

  @Test
  void aTakenNameIsShownBesideTheName() throws Exception {
    api.registerUrl(token, "dup", "https://dup.example/", 2);
    mvc.perform(
            form("/monitors")
                .param("name", "dup")
                .param("url", "https://dup2.example/")
                .param("threshold", "2"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("you already have a url named &#39;dup&#39;")));
  }

  @Test
  void aTcpMonitorIsEditedThroughTheFormWithItsOwnKindsRules() throws Exception {
    long id =
        register(
            """
            {"name": "db", "kind": "TCP", "url": "tcp://db.example:5432", "threshold": 1}""");
    mvc.perform(get("/monitors/" + id + "/edit").cookie(cookie))
        .andExpect(content().string(containsString("tcp://host:port")));
    mvc.perform(
            form("/monitors/" + id)
                .param("name", "db")
                .param("url", "tcp://db.example:6432")
                .param("threshold", "2")
                .param("intervalSeconds", "60")
                .param("timeoutSeconds", "10")
                .param("failureWindowSeconds", "300"))
        .andExpect(redirectedUrl("/monitors/" + id));
    assertThat(jdbc.sql("SELECT url FROM urls WHERE id = ?").param(id).query(String.class).single())
        .isEqualTo("tcp://db.example:6432");
    mvc.perform(
            form("/monitors/" + id)
                .param("name", "db")
                .param("url", "https://db.example/")
                .param("threshold", "2"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("tcp://host:port with a port")));
    mvc.perform(form("/monitors/" + id).param("name", "db").param("threshold", "many"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("must be a whole number")));
  }

  @Test
  void aHeartbeatIsEditedThroughTheFormWithoutTargetIntervalOrTimeout() throws Exception {
    long id =
        register(
            """
            {"name": "backup", "kind": "HEARTBEAT", "heartbeat": {"periodSeconds": 3600}}""");
    mvc.perform(get("/monitors/" + id + "/edit").cookie(cookie))
        .andExpect(content().string(not(containsString("id=\"url\""))))
        .andExpect(content().string(not(containsString("id=\"intervalSeconds\""))));
    mvc.perform(
            form("/monitors/" + id)
                .param("name", "nightly-backup")
                .param("threshold", "1")
                .param("failureWindowSeconds", "7200"))
        .andExpect(redirectedUrl("/monitors/" + id));
    assertThat(
            jdbc.sql("SELECT name || ' ' || threshold || ' ' || interval_seconds FROM urls")
                .query(String.class)
                .single())
        .isEqualTo("nightly-backup 1 3600");
  }

  private long register(String body) throws Exception {
    String created =
        mvc.perform(withToken(json(post("/api/v1/urls"), body), token))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return ((Number) JsonPath.read(created, "$.id")).longValue();
  }

  @Test
  void editPauseResumeAndDeleteGoThroughTheService() throws Exception {
    long id = api.registerUrl(token, "editable", "https://edit.example/", 2);
    mvc.perform(get("/monitors/" + id + "/edit").cookie(cookie))
        .andExpect(content().string(containsString("value=\"https://edit.example/\"")));
    mvc.perform(
            form("/monitors/" + id)
                .param("name", "edited")
                .param("url", "https://edit.example/v2")
                .param("threshold", "3")
                .param("intervalSeconds", "60")
                .param("timeoutSeconds", "10")
                .param("failureWindowSeconds", "300"))
        .andExpect(redirectedUrl("/monitors/" + id));
    mvc.perform(form("/monitors/" + id + "/pause").param("back", "/?page=0"))
        .andExpect(redirectedUrl("/?page=0"));
    assertThat(enabled(id)).isFalse();
    mvc.perform(form("/monitors/" + id + "/resume").param("back", "//evil.example/"))
        .andExpect(redirectedUrl("/monitors/" + id));
    assertThat(enabled(id)).isTrue();
    mvc.perform(form("/monitors/" + id + "/delete")).andExpect(redirectedUrl("/"));
    assertThat(data.count("urls")).isZero();
  }

  @Test
  void theMonitorPageShowsTheChartRecentChecksWithReasonsAndTheAlertTimeline() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    long id = api.registerUrl(token, "detailed", "https://detail.example/", 1);
    data.check(id, now.minusSeconds(300), 200, null, 40);
    data.check(id, now.minusSeconds(240), null, "TIMEOUT", 10000);
    data.check(id, now.minusSeconds(180), 503, null, 20);
    data.check(id, now.minusSeconds(120), 200, null, 35);
    data.alert(id, now.minusSeconds(180), now.minusSeconds(120), 2);

    mvc.perform(get("/monitors/" + id).param("window", "1h").cookie(cookie))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("<svg class=\"chart\""),
                        containsString("2 failed checks"),
                        containsString("· TIMEOUT"),
                        containsString("· HTTP 503"),
                        containsString("id=\"alert-timeline\""),
                        containsString("1 min"),
                        containsString("more than 3 failures in 5 min"),
                        containsString("aria-current=\"true\">1 h</a>"))));
  }

  @Test
  void anotherUsersMonitorIsNotFound() throws Exception {
    String other = api.signUpAndLogIn("other");
    long theirs = api.registerUrl(other, "theirs", "https://theirs.example/", 2);
    mvc.perform(get("/monitors/" + theirs).cookie(cookie))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("url not found")));
    mvc.perform(form("/monitors/" + theirs + "/delete")).andExpect(status().isNotFound());
    mvc.perform(get("/monitors/not-a-number").cookie(cookie)).andExpect(status().isNotFound());
    assertThat(data.count("urls")).isEqualTo(1);
  }

  @Test
  void theNinetyDayChartDrawsTheDailyMediansOfTheRollups() throws Exception {
    long id = api.registerUrl(token, "long-lived", "https://long.example/", 2);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    data.rollup(id, today.minusDays(40), 100, 5, 120.0, 300.0);
    data.rollup(id, today.minusDays(10), 100, 0, 80.0, 90.0);
    data.rollup(id, today.minusDays(95), 100, 100, 9000.0, 9000.0);
    data.rolledUpThrough(today.minusDays(1));

    mvc.perform(get("/monitors/" + id + "?window=90d").cookie(cookie))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("aria-current=\"true\">90 d</a>"),
                        containsString(
                            "Daily median response time over the last 90 d: up to 120 ms;"
                                + " 5 failed checks"))));
    // The raw checks hold none of those days.
    mvc.perform(get("/monitors/" + id + "?window=7d").cookie(cookie))
        .andExpect(content().string(containsString("No checks in the last 7 d")));
  }

  private boolean enabled(long id) {
    return jdbc.sql("SELECT enabled FROM urls WHERE id = ?")
        .param(id)
        .query(Boolean.class)
        .single();
  }

  /** A form post of the signed-in browser, with the page's CSRF token. */
  private MockHttpServletRequestBuilder form(String path) {
    return post(path).with(csrf()).cookie(cookie);
  }
}

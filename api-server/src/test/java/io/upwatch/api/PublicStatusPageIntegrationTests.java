package io.upwatch.api;

import static io.upwatch.api.StatusPageApiIntegrationTests.monitor;
import static io.upwatch.api.StatusPageApiIntegrationTests.page;
import static io.upwatch.api.support.ApiClient.json;
import static io.upwatch.api.support.ApiClient.withToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.upwatch.api.support.ApiClient;
import io.upwatch.api.support.ApiIntegrationTest;
import io.upwatch.api.support.TestData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** /status/{slug}: what the public sees, and nothing more. */
@ApiIntegrationTest
class PublicStatusPageIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired ApiClient api;
  @Autowired TestData data;

  final Instant now = Instant.now();
  final LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
  String alice;
  long shop;
  long blog;
  long admin;
  long bobsUrl;

  @BeforeEach
  void publish() throws Exception {
    data.reset();
    alice = api.signUpAndLogIn("alice");
    String bob = api.signUpAndLogIn("bob");
    shop = api.registerUrl(alice, "shop", "https://shop.example/health", 2);
    blog = api.registerUrl(alice, "blog", "https://blog.example/private-path", 2);
    admin = api.registerUrl(alice, "secret-admin", "https://admin.internal.example", 2);
    bobsUrl = api.registerUrl(bob, "bobs-site", "https://bob.example", 2);
    mvc.perform(
            withToken(
                json(
                    post("/api/v1/status-pages"),
                    page(
                        "acme",
                        "Acme status",
                        monitor(shop, "Web shop", true) + ", " + monitor(blog, "Blog", false))),
                alice))
        .andExpect(status().isCreated());
  }

  @Test
  void signedOutVisitorsSeeOnlyTheChosenMonitorsAndOnlyTheTargetsChosen() throws Exception {
    data.check(admin, now.minusSeconds(60), 200, null, 10);
    data.alert(admin, now.minus(Duration.ofHours(2)), null, 3);
    data.check(bobsUrl, now.minusSeconds(60), 503, null, 10);
    data.alert(bobsUrl, now.minus(Duration.ofHours(1)), null, 3);

    String html =
        mvc.perform(get("/status/acme"))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String json =
        mvc.perform(get("/status/acme.json"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.monitors.length()").value(2))
            .andExpect(jsonPath("$.monitors[0].name").value("Web shop"))
            .andExpect(jsonPath("$.monitors[0].target").value("https://shop.example/health"))
            .andExpect(jsonPath("$.monitors[1].name").value("Blog"))
            .andExpect(jsonPath("$.monitors[1].target").doesNotExist())
            .andExpect(jsonPath("$.incidents.length()").value(0))
            .andReturn()
            .getResponse()
            .getContentAsString();

    for (String body : List.of(html, json)) {
      assertThat(body)
          .contains("Acme status", "Web shop", "Blog", "https://shop.example/health")
          .doesNotContain("private-path", "blog.example", "secret-admin", "admin.internal")
          .doesNotContain("bob", "alice", "\"shop\"", "\"blog\"")
          .doesNotContain("urlId", "\"id\"", "userId");
    }
  }

  @Test
  void eachMonitorHasNinetyDaysFromTheRollupsAndTodayLive() throws Exception {
    data.rollup(shop, today.minusDays(89), 1440, 0, 40.0, 90.0);
    data.rollup(shop, today.minusDays(3), 1000, 10, 40.0, 90.0);
    data.rollup(shop, today.minusDays(1), 1440, 720, 40.0, 90.0);
    data.rollup(shop, today.minusDays(90), 1440, 1440, 40.0, 90.0);
    data.rolledUpThrough(today.minusDays(1));
    data.check(shop, now.minusSeconds(120), 200, null, 30);
    data.check(shop, now.minusSeconds(60), 503, null, 30);

    mvc.perform(get("/status/acme.json"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.monitors[0].days.length()").value(90))
        .andExpect(jsonPath("$.monitors[0].days[0].date").value(today.minusDays(89).toString()))
        .andExpect(jsonPath("$.monitors[0].days[0].uptimePercent").value(100.0))
        .andExpect(jsonPath("$.monitors[0].days[1].checks").value(0))
        .andExpect(jsonPath("$.monitors[0].days[1].uptimePercent").doesNotExist())
        .andExpect(jsonPath("$.monitors[0].days[86].uptimePercent").value(99.0))
        .andExpect(jsonPath("$.monitors[0].days[88].uptimePercent").value(50.0))
        .andExpect(jsonPath("$.monitors[0].days[89].date").value(today.toString()))
        .andExpect(jsonPath("$.monitors[0].days[89].checks").value(2))
        .andExpect(jsonPath("$.monitors[0].days[89].uptimePercent").value(50.0))
        .andExpect(jsonPath("$.monitors[0].state").value("UP"))
        .andExpect(jsonPath("$.monitors[1].days.length()").value(90))
        .andExpect(jsonPath("$.monitors[1].state").value("NO_DATA"))
        .andExpect(jsonPath("$.state").value("OPERATIONAL"));

    String html = mvc.perform(get("/status/acme")).andReturn().getResponse().getContentAsString();
    assertThat(Pattern.compile("<li class=\"[a-z]+\" title=\"").matcher(html).results().count())
        .isEqualTo(180);
    assertThat(html)
        .contains("title=\"" + today.minusDays(1) + ": 50.0 % up (720 of 1440 checks failed)\"")
        .contains("title=\"" + today.minusDays(2) + ": no data\"");
  }

  @Test
  void daysNotYetRolledUpAreReadFromTheRawChecks() throws Exception {
    data.rolledUpThrough(today.minusDays(2));
    data.check(shop, now.minus(Duration.ofDays(1)), 503, null, 30);

    mvc.perform(get("/status/acme.json"))
        .andExpect(jsonPath("$.monitors[0].days[88].checks").value(1))
        .andExpect(jsonPath("$.monitors[0].days[88].uptimePercent").value(0.0));
  }

  @Test
  void recentIncidentsOfTheChosenMonitorsAreListedAndAnOpenOneMakesItDown() throws Exception {
    data.check(blog, now.minusSeconds(60), 503, null, 30);
    data.alert(blog, now.minus(Duration.ofMinutes(30)), null, 3);
    data.alert(
        shop, now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(2)).plusSeconds(300), 3);
    data.alert(
        shop, now.minus(Duration.ofDays(20)), now.minus(Duration.ofDays(20)).plusSeconds(60), 3);
    data.alert(admin, now.minus(Duration.ofDays(1)), null, 3);

    mvc.perform(get("/status/acme.json"))
        .andExpect(jsonPath("$.state").value("MAJOR_OUTAGE"))
        .andExpect(jsonPath("$.monitors[1].state").value("DOWN"))
        .andExpect(jsonPath("$.incidents.length()").value(2))
        .andExpect(jsonPath("$.incidents[0].monitor").value("Blog"))
        .andExpect(jsonPath("$.incidents[0].open").value(true))
        .andExpect(jsonPath("$.incidents[1].monitor").value("Web shop"))
        .andExpect(jsonPath("$.incidents[1].open").value(false));
    String html = mvc.perform(get("/status/acme")).andReturn().getResponse().getContentAsString();
    assertThat(html).contains("Major outage", "5 min", "ongoing");
  }

  @Test
  void pagesAreCacheableWithAnEtagAndAContentSecurityPolicy() throws Exception {
    for (String path : List.of("/status/acme", "/status/acme.json")) {
      // The body says when it was generated, to the minute: a minute may turn between requests.
      int notModified = 0;
      for (int attempt = 0; attempt < 2 && notModified == 0; attempt++) {
        var response =
            mvc.perform(get(path))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "max-age=30, public"))
                .andExpect(
                    header()
                        .string("Content-Security-Policy", containsString("default-src 'none'")))
                .andReturn()
                .getResponse();
        String etag = response.getHeader("ETag");
        assertThat(etag).isNotBlank();
        int revalidated =
            mvc.perform(get(path).header("If-None-Match", etag))
                .andReturn()
                .getResponse()
                .getStatus();
        notModified = revalidated == 304 ? 1 : 0;
      }
      assertThat(notModified).as("a revalidation with the ETag answers 304").isEqualTo(1);
    }
    mvc.perform(get("/status-assets/status-page.css"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("prefers-color-scheme: dark")));
  }

  @Test
  void anUnknownSlugIsA404Problem() throws Exception {
    for (String path : List.of("/status/nope", "/status/nope.json", "/status/NOT..valid")) {
      mvc.perform(get(path))
          .andExpect(status().isNotFound())
          .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }
  }

  @Test
  void theJsonOfAPageAskedForAsHtmlIsNotAcceptableRatherThanMissing() throws Exception {
    mvc.perform(get("/status/acme.json").accept(MediaType.TEXT_HTML))
        .andExpect(status().isNotAcceptable())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void aPageOfAHundredMonitorsRendersQuickly() throws Exception {
    var monitors = new ArrayList<String>();
    for (int i = 0; i < 100; i++) {
      long id = data.url(alice(), "m" + i, "https://m" + i + ".example");
      data.check(id, now.minusSeconds(60), 200, null, 20);
      data.rollup(id, today.minusDays(1), 1440, 1, 20.0, 40.0);
      monitors.add(monitor(id, "Monitor " + i, false));
    }
    mvc.perform(
            withToken(
                json(post("/api/v1/status-pages"), page("big", "Big", String.join(", ", monitors))),
                alice))
        .andExpect(status().isCreated());
    mvc.perform(get("/status/big")).andExpect(status().isOk());

    long started = System.nanoTime();
    String html = mvc.perform(get("/status/big")).andReturn().getResponse().getContentAsString();
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(html).contains("Monitor 99");
    // A smoke bound for a shared, loaded build machine: the statements take a few ms (six of
    // them whatever the number of monitors); the rest is rendering 9,000 bar segments.
    assertThat(millis).as("render time of 100 monitors, ms").isLessThan(3000);
    assertThat(html.split("<li class=").length - 1).isEqualTo(100 + 100 * 90);
  }

  private long alice() {
    return data.userId("alice");
  }
}

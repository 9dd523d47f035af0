package io.upwatch.api;

import static io.upwatch.api.support.ApiClient.withToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.upwatch.api.support.ApiClient;
import io.upwatch.api.support.ApiIntegrationTest;
import io.upwatch.api.support.TestData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** SVG badges behind a per-URL token: issued, rotated and revoked by the URL's owner only. */
@ApiIntegrationTest
class BadgeIntegrationTests {

  static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

  @Autowired MockMvc mvc;
  @Autowired ApiClient api;
  @Autowired TestData data;

  final Instant now = Instant.now();
  String alice;
  long shop;

  @BeforeEach
  void signUp() throws Exception {
    data.reset();
    alice = api.signUpAndLogIn("alice");
    shop = api.registerUrl(alice, "shop", "https://shop.example", 2);
  }

  @Test
  void aBadgeNeedsAnIssuedToken() throws Exception {
    for (String token : new String[] {"x", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}) {
      mvc.perform(get("/badge/" + token + "/status.svg"))
          .andExpect(status().isNotFound())
          .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.type").value("https://upwatch.io/problems/badge-not-found"));
    }
  }

  @Test
  void theStatusBadgeIsAnSvgSizedToItsTextAndCacheable() throws Exception {
    data.check(shop, now.minusSeconds(60), 200, null, 20);
    String token =
        issue(alice, shop)
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String statusBadge = JsonPath.read(token, "$.statusBadge");
    assertThat(statusBadge).startsWith("http://localhost/badge/").endsWith("/status.svg");

    var response =
        mvc.perform(get(path(statusBadge)))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith(SVG))
            .andExpect(header().string("Cache-Control", "max-age=60, public"))
            .andExpect(
                header().string("Content-Security-Policy", containsString("default-src 'none'")))
            .andReturn()
            .getResponse();
    String svg = response.getContentAsString();
    assertThat(svg)
        .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
        .contains("aria-label=\"status: up\"", "<title>status: up</title>", "fill=\"#4c1\"")
        // "status" is 33.7 px and "up" 13.8 px of Verdana 11: 44 + 24 px with the padding.
        .contains("width=\"68\"", "<rect width=\"44\"", "<rect x=\"44\" width=\"24\"");
    mvc.perform(get(path(statusBadge)).header("If-None-Match", response.getHeader("ETag")))
        .andExpect(status().isNotModified());
  }

  @Test
  void rotatingATokenRetiresTheOldOneAndRevokingRetiresAll() throws Exception {
    String first = token(issue(alice, shop).andExpect(status().isCreated()));
    String second = token(issue(alice, shop).andExpect(status().isOk()));

    assertThat(second).isNotEqualTo(first).hasSize(32);
    mvc.perform(get("/badge/" + first + "/status.svg")).andExpect(status().isNotFound());
    mvc.perform(get("/badge/" + second + "/status.svg"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("status: no data")));

    mvc.perform(withToken(delete("/api/v1/urls/" + shop + "/badge"), alice))
        .andExpect(status().isNoContent());
    mvc.perform(get("/badge/" + second + "/status.svg")).andExpect(status().isNotFound());
  }

  @Test
  void theStatusBadgeSaysDownWhileTheAlertIsOpenAndPausedWhenPaused() throws Exception {
    data.check(shop, now.minusSeconds(60), 503, null, 20);
    data.alert(shop, now.minusSeconds(30), null, 3);
    String token = token(issue(alice, shop));

    badge(token, "status.svg")
        .andExpect(content().string(containsString("status: down")))
        .andExpect(content().string(containsString("#e05d44")));
    mvc.perform(withToken(post("/api/v1/urls/" + shop + "/pause"), alice))
        .andExpect(status().is2xxSuccessful());
    badge(token, "status.svg").andExpect(content().string(containsString("status: paused")));
  }

  @Test
  void onlyTheUrlsOwnerCanIssueOrRevokeItsToken() throws Exception {
    String bob = api.signUpAndLogIn("bob");

    issue(bob, shop).andExpect(status().isNotFound());
    mvc.perform(withToken(delete("/api/v1/urls/" + shop + "/badge"), bob))
        .andExpect(status().isNotFound());
    mvc.perform(post("/api/v1/urls/" + shop + "/badge")).andExpect(status().isUnauthorized());
    assertThat(data.count("url_badges")).isZero();
  }

  @Test
  void uptimeBadgesCoverTheirWindowFromRollupsAndRawChecks() throws Exception {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    data.rollup(shop, today.minusDays(20), 1000, 500, 50.0, 80.0);
    data.rollup(shop, today.minusDays(60), 1000, 1000, null, null);
    data.rolledUpThrough(today.minusDays(1));
    data.check(shop, now.minus(Duration.ofMinutes(2)), 200, null, 100);
    data.check(shop, now.minus(Duration.ofMinutes(1)), 200, null, 300);
    String token = token(issue(alice, shop));

    badge(token, "uptime.svg?window=24h")
        .andExpect(content().string(containsString("uptime 24h: 100%")));
    badge(token, "uptime.svg?window=30d")
        .andExpect(content().string(containsString("uptime 30d: 50.1%")))
        .andExpect(content().string(containsString("#e05d44")));
    badge(token, "uptime.svg").andExpect(content().string(containsString("uptime 30d")));
    badge(token, "uptime.svg?window=90d")
        .andExpect(content().string(containsString("uptime 90d: 25.07%")));
    badge(token, "response-time.svg")
        .andExpect(content().string(containsString("response time: 200 ms")));
    mvc.perform(get("/badge/" + token + "/uptime.svg?window=1y"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void statsBeyondTheRawRetentionComeFromTheRollups() throws Exception {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    data.rollup(shop, today.minusDays(20), 1000, 10, 50.0, 80.0);
    data.rollup(shop, today.minusDays(40), 1000, 10, 50.0, 80.0);
    data.rolledUpThrough(today.minusDays(1));
    data.check(shop, now.minus(Duration.ofMinutes(1)), 200, null, 150);

    mvc.perform(withToken(get("/api/v1/urls/" + shop + "/stats?window=30d"), alice))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.checks").value(1001))
        .andExpect(jsonPath("$.failures").value(10))
        .andExpect(
            jsonPath("$.from")
                .value(today.minusDays(29).atStartOfDay(ZoneOffset.UTC).toInstant().toString()))
        .andExpect(jsonPath("$.latencyP50Ms").value((50.0 * 1000 + 150) / 1001));
    mvc.perform(withToken(get("/api/v1/urls/" + shop + "/stats?window=400d"), alice))
        .andExpect(jsonPath("$.checks").value(2001));
    String bob = api.signUpAndLogIn("bob");
    mvc.perform(withToken(get("/api/v1/urls/" + shop + "/stats?window=30d"), bob))
        .andExpect(status().isNotFound());
  }

  private ResultActions issue(String token, long urlId) throws Exception {
    return mvc.perform(withToken(post("/api/v1/urls/" + urlId + "/badge"), token));
  }

  private ResultActions badge(String token, String name) throws Exception {
    return mvc.perform(get("/badge/" + token + "/" + name))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(SVG));
  }

  private static String token(ResultActions issued) throws Exception {
    return JsonPath.read(issued.andReturn().getResponse().getContentAsString(), "$.token");
  }

  private static String path(String url) {
    return url.substring("http://localhost".length());
  }
}

package io.upwatch.api;

import static io.upwatch.api.support.ApiClient.json;
import static io.upwatch.api.support.ApiClient.withToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.upwatch.api.support.ApiClient;
import io.upwatch.api.support.ApiIntegrationTest;
import io.upwatch.api.support.TestData;
import jakarta.servlet.http.Cookie;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A deployment of three regions: monitors choose theirs and a quorum, bad choices are refused
 * naming the field, and checks, stats and alerts can be read per region, with uptime counted by the
 * quorum.
 */
@ApiIntegrationTest
@TestPropertySource(properties = "upwatch.regions=eu,us,ap")
class RegionsApiIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired ApiClient api;
  @Autowired TestData data;
  @Autowired JdbcClient jdbc;

  String token;

  @BeforeEach
  void signedIn() throws Exception {
    data.reset();
    token = api.signUpAndLogIn("regional");
  }

  @Test
  void aMonitorIsCheckedFromEveryRegionWithAMajorityUnlessItChoosesItsOwn() throws Exception {
    send(
            post("/api/v1/urls"),
            "{\"name\": \"all\", \"url\": \"https://a.example/\", \"threshold\": 1}")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.regions", contains("eu", "us", "ap")))
        .andExpect(jsonPath("$.regionsDefault").value(true))
        .andExpect(jsonPath("$.quorum").value(2))
        .andExpect(jsonPath("$.quorumDefault").value(true));

    send(
            post("/api/v1/urls"),
            """
            {"name": "two", "url": "https://b.example/", "threshold": 1,
             "regions": ["us", "eu"], "quorum": 1}""")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.regions", contains("us", "eu")))
        .andExpect(jsonPath("$.regionsDefault").value(false))
        .andExpect(jsonPath("$.quorum").value(1))
        .andExpect(jsonPath("$.quorumDefault").value(false));
  }

  @Test
  void badRegionsOrQuorumAreA400NamingTheFieldAndStoreNothing() throws Exception {
    String base = "\"name\": \"x\", \"url\": \"https://x.example/\", \"threshold\": 1";
    refused("{" + base + ", \"regions\": [\"eu\", \"mars\"]}", "regions[1]");
    refused("{" + base + ", \"regions\": [\"eu\", \"eu\"]}", "regions[1]");
    refused("{" + base + ", \"regions\": [\"eu\", null]}", "regions[1]");
    refused("{" + base + ", \"regions\": []}", "regions");
    send(post("/api/v1/urls"), "{" + base + ", \"regions\": \"eu\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("Invalid 'regions': wrong type or format."));
    refused("{" + base + ", \"regions\": [" + "\"eu\",".repeat(16) + "\"us\"]}", "regions");
    refused("{" + base + ", \"quorum\": 0}", "quorum");
    refused("{" + base + ", \"quorum\": 4}", "quorum");
    refused("{" + base + ", \"regions\": [\"eu\", \"us\"], \"quorum\": 3}", "quorum");
    refused(
        """
        {"name": "beat", "kind": "HEARTBEAT", "heartbeat": {"periodSeconds": 60},
         "regions": ["eu"]}""",
        "regions");

    assertThat(data.count("urls")).isZero();
  }

  @Test
  void changingTheRegionsTakesAMajorityOfThemUnlessAQuorumIsSentAndAnEmptyListRestoresEvery()
      throws Exception {
    long id = api.registerUrl(token, "shop", "https://shop.example/", 1);
    String url = "/api/v1/urls/" + id;

    send(patch(url), "{\"regions\": [\"eu\", \"us\", \"ap\"], \"quorum\": 3}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.quorum").value(3))
        .andExpect(jsonPath("$.regionsDefault").value(false));
    send(patch(url), "{\"regions\": [\"eu\"]}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.regions", contains("eu")))
        .andExpect(jsonPath("$.quorum").value(1))
        .andExpect(jsonPath("$.quorumDefault").value(true));
    send(patch(url), "{\"quorum\": 2}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("quorum"));
    send(patch(url), "{\"regions\": []}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.regions", contains("eu", "us", "ap")))
        .andExpect(jsonPath("$.regionsDefault").value(true))
        .andExpect(jsonPath("$.quorum").value(2));

    // The original's routes answer as they always did.
    mvc.perform(withToken(get("/url/urls"), token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0]", not(hasKey("regions"))))
        .andExpect(jsonPath("$[0]", not(hasKey("quorum"))));
  }

  @Test
  void aSlotIsDownOnlyWhenTheQuorumFailedItAndEachRegionHasItsOwnFigures() throws Exception {
    long id = api.registerUrl(token, "shop", "https://shop.example/", 1);
    Instant t = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.MINUTES);
    // Minute 0: all up. Minute 1: eu down alone. Minute 2: eu and us down, the quorum of two.
    for (String region : new String[] {"eu", "us", "ap"}) {
      data.check(id, t, region, 200, null, 10);
      data.check(id, t.plusSeconds(60), region, region.equals("eu") ? 503 : 200, null, 20);
      data.check(id, t.plusSeconds(120), region, region.equals("ap") ? 200 : 503, null, 30);
    }

    mvc.perform(withToken(get("/api/v1/urls/" + id + "/stats"), token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.checks").value(3))
        .andExpect(jsonPath("$.failures").value(1))
        .andExpect(jsonPath("$.uptimePercent").value(66.67))
        .andExpect(jsonPath("$.quorum").value(2))
        .andExpect(jsonPath("$.latencyP50Ms").value(20.0))
        .andExpect(jsonPath("$.regions[*].region", contains("ap", "eu", "us")))
        .andExpect(jsonPath("$.regions[1].checks").value(3))
        .andExpect(jsonPath("$.regions[1].failures").value(2))
        .andExpect(jsonPath("$.regions[1].uptimePercent").value(33.33));
    mvc.perform(withToken(get("/api/v1/urls/" + id + "/stats?region=us"), token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.region").value("us"))
        .andExpect(jsonPath("$.quorum").value(1))
        .andExpect(jsonPath("$.checks").value(3))
        .andExpect(jsonPath("$.failures").value(1))
        .andExpect(jsonPath("$.regions[*].region", contains("us")));
    // The original's stats count the same slots.
    mvc.perform(withToken(json(post("/url/stats"), "{\"name\": \"shop\"}"), token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.successes").value(2))
        .andExpect(jsonPath("$.failures").value(1));
  }

  @Test
  void checksCanBeFilteredByRegionAndAnUnknownRegionIsA400() throws Exception {
    long id = api.registerUrl(token, "shop", "https://shop.example/", 1);
    Instant t = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.MINUTES);
    data.check(id, t, "eu", 200, null, 10);
    data.check(id, t, "us", 503, null, 20);

    mvc.perform(withToken(get("/api/v1/urls/" + id + "/checks?region=us"), token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[*].region", contains("us")));
    mvc.perform(withToken(get("/api/v1/urls/" + id + "/checks"), token))
        .andExpect(jsonPath("$[*].region", contains("eu", "us")));
    for (String path : new String[] {"/checks?region=mars", "/stats?region=mars"}) {
      mvc.perform(withToken(get("/api/v1/urls/" + id + path), token))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value("region"));
    }
  }

  @Test
  void longWindowsCountRolledUpSlotsAndRegions() throws Exception {
    long id = api.registerUrl(token, "shop", "https://shop.example/", 1);
    LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    data.rollup(id, yesterday, 100, 4, 20.0, 40.0);
    data.rolledUpThrough(yesterday);
    regionRollup(id, yesterday, "eu", 100, 10);
    regionRollup(id, yesterday, "us", 100, 5);

    mvc.perform(withToken(get("/api/v1/urls/" + id + "/stats?window=30d"), token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.checks").value(100))
        .andExpect(jsonPath("$.failures").value(4))
        .andExpect(jsonPath("$.quorum").value(2))
        .andExpect(jsonPath("$.regions[*].region", contains("eu", "us")))
        .andExpect(jsonPath("$.regions[0].failures").value(10));
    mvc.perform(withToken(get("/api/v1/urls/" + id + "/stats?window=30d&region=us"), token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.failures").value(5))
        .andExpect(jsonPath("$.uptimePercent").value(95.0));
  }

  @Test
  void alertsNameTheRegionsInBreachAndTheQuorum() throws Exception {
    long id = api.registerUrl(token, "shop", "https://shop.example/", 1);
    long alert = data.alert(id, Instant.now().minusSeconds(60), null, 3);
    jdbc.sql("UPDATE alerts SET regions = '{eu,us}', quorum = 2 WHERE id = ?")
        .param(alert)
        .update();

    mvc.perform(withToken(get("/api/v1/urls/" + id + "/alerts"), token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].regions", contains("eu", "us")))
        .andExpect(jsonPath("$.items[0].quorum").value(2));
    mvc.perform(withToken(json(post("/alert/alerts"), "{\"urlname\": \"shop\"}"), token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0]", not(hasKey("regions"))));
  }

  @Test
  void theDashboardChoosesRegionsAndShowsEachRegionsFiguresAndTheAlertsRegions() throws Exception {
    Cookie cookie = new Cookie("upwatch_session", token);
    mvc.perform(get("/monitors/new").cookie(cookie))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("value=\"eu\""),
                        containsString("value=\"ap\""),
                        containsString("id=\"quorum\""))));

    mvc.perform(
            post("/monitors")
                .with(csrf())
                .cookie(cookie)
                .param("name", "web")
                .param("url", "https://web.example/")
                .param("threshold", "1")
                .param("regions", "eu", "us")
                .param("quorum", "2"))
        .andExpect(status().is3xxRedirection());
    long id = jdbc.sql("SELECT id FROM urls WHERE name = 'web'").query(Long.class).single();
    assertThat(stored(id)).isEqualTo("{eu,us} 2");

    // Nothing ticked and no quorum: every region, a majority.
    mvc.perform(
            post("/monitors/" + id)
                .with(csrf())
                .cookie(cookie)
                .param("name", "web")
                .param("url", "https://web.example/")
                .param("threshold", "1")
                .param("_regions", "on"))
        .andExpect(status().is3xxRedirection());
    assertThat(stored(id)).isEqualTo("null null");

    Instant t = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.MINUTES);
    for (String region : new String[] {"eu", "us", "ap"}) {
      data.check(id, t, region, region.equals("ap") ? 200 : 503, null, 10);
      data.check(id, t.plusSeconds(60), region, 200, null, 10);
    }
    long alert = data.alert(id, t, null, 3);
    jdbc.sql("UPDATE alerts SET regions = '{eu,us}', quorum = 2 WHERE id = ?")
        .param(alert)
        .update();

    mvc.perform(get("/monitors/" + id).cookie(cookie))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("id=\"region-stats\""),
                        containsString("Checked from eu, us, ap (every region)"),
                        containsString("eu, us (quorum 2)"))));
    mvc.perform(get("/").cookie(cookie))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("50.00 %")));
  }

  private String stored(long id) {
    return jdbc.sql(
            "SELECT coalesce(regions::text, 'null') || ' ' || coalesce(quorum::text, 'null') FROM urls WHERE id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  private ResultActions send(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
      String body)
      throws Exception {
    return mvc.perform(withToken(json(request, body), token));
  }

  private void refused(String body, String field) throws Exception {
    send(post("/api/v1/urls"), body)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value(field));
  }

  private void regionRollup(long url, LocalDate day, String region, int checks, int failures) {
    jdbc.sql(
            """
            INSERT INTO daily_region_rollups (url_id, day, region, checks, failures, responses,
                                              latency_p50_ms, latency_p95_ms)
            VALUES (?, ?, ?, ?, ?, ?, 20, 40)
            """)
        .params(url, Date.valueOf(day), region, checks, failures, checks)
        .update();
  }
}

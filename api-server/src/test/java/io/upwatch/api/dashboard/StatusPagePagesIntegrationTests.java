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

import io.upwatch.api.support.ApiClient;
import io.upwatch.api.support.ApiIntegrationTest;
import io.upwatch.api.support.TestData;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Status pages and badges from the dashboard, through the API's services and rules. */
@ApiIntegrationTest
class StatusPagePagesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired ApiClient api;
  @Autowired TestData data;
  @Autowired JdbcClient jdbc;

  Cookie cookie;
  String token;
  long shop;
  long db;

  @BeforeEach
  void signedIn() throws Exception {
    data.reset();
    token = api.signUpAndLogIn("publisher");
    cookie = session(token);
    shop = api.registerUrl(token, "shop", "https://shop.example/", 2);
    db = api.registerUrl(token, "db", "https://db.internal.example/", 2);
  }

  @Test
  void aPagePublishedFromTheFormListsTheTickedMonitorsAndIsPublic() throws Exception {
    mvc.perform(get("/status-pages/new").cookie(cookie))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("name=\"monitors[0].urlId\""),
                        containsString("https://db.internal.example/"))));
    mvc.perform(
            form("/status-pages")
                .param("slug", "acme")
                .param("title", "Acme status")
                .param("monitors[0].urlId", Long.toString(shop))
                .param("monitors[0].chosen", "true")
                .param("monitors[0].displayName", "Web shop")
                .param("monitors[1].urlId", Long.toString(db))
                .param("monitors[1].displayName", "db"))
        .andExpect(redirectedUrl("/status-pages"));

    mvc.perform(get("/status-pages").cookie(cookie))
        .andExpect(
            content().string(allOf(containsString("Acme status"), containsString("/status/acme"))));
    assertThat(
            jdbc.sql(
                    "SELECT url_id || ':' || display_name || ':' || show_target FROM status_page_monitors")
                .query(String.class)
                .list())
        .containsExactly(shop + ":Web shop:false");
    mvc.perform(get("/status/acme"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(allOf(containsString("Web shop"), not(containsString("db.internal")))));
  }

  @Test
  void theFormOffersAtMostAHundredMonitorsBesidesThePagesOwnAndFiltersThem() throws Exception {
    long userId = jdbc.sql("SELECT id FROM users").query(Long.class).single();
    for (int i = 0; i < StatusPagePages.MAX_OFFERED; i++) {
      data.url(userId, "bulk-" + i, "https://bulk.example/" + i);
    }
    mvc.perform(get("/status-pages/new").cookie(cookie))
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("name=\"monitors[99].urlId\""),
                        not(containsString("name=\"monitors[100].urlId\"")),
                        containsString("id=\"q\""))));
    mvc.perform(get("/status-pages/new").param("q", "DB.internal").cookie(cookie))
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("value=\"" + db + "\""),
                        not(containsString("name=\"monitors[1].urlId\"")))));
  }

  @Test
  void theFormShowsTheApisMessagesBesideTheFieldsAndTheTickedRow() throws Exception {
    mvc.perform(
            form("/status-pages")
                .param("slug", "-Bad")
                .param("title", "")
                .param("monitors[0].urlId", Long.toString(shop))
                .param("monitors[1].urlId", Long.toString(db))
                .param("monitors[1].chosen", "true")
                .param("monitors[1].displayName", ""))
        .andExpect(status().isBadRequest())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("id=\"slug-error\""),
                        containsString("lower-case letters, digits and hyphens, not starting"),
                        containsString("id=\"title-error\""),
                        containsString("id=\"monitor-1-name-error\""),
                        not(containsString("id=\"monitor-0-name-error\"")))));
    assertThat(data.count("status_pages")).isZero();
  }

  @Test
  void aTakenAddressIsShownBesideTheAddressField() throws Exception {
    String other = api.signUpAndLogIn("squatter");
    publish(other, "{\"slug\":\"acme\",\"title\":\"Mine\",\"monitors\":[]}");
    mvc.perform(form("/status-pages").param("slug", "acme").param("title", "Acme"))
        .andExpect(status().isBadRequest())
        .andExpect(
            content().string(allOf(containsString("id=\"slug-error\""), containsString("taken"))));
  }

  @Test
  void anotherUsersPageAndMonitorAreNotReachable() throws Exception {
    String other = api.signUpAndLogIn("other");
    long theirs = api.registerUrl(other, "theirs", "https://theirs.example/", 2);
    publish(other, "{\"slug\":\"theirs\",\"title\":\"T\",\"monitors\":[]}");
    long page = jdbc.sql("SELECT id FROM status_pages").query(Long.class).single();

    mvc.perform(get("/status-pages/" + page + "/edit").cookie(cookie))
        .andExpect(status().isNotFound());
    mvc.perform(form("/status-pages/" + page).param("slug", "stolen").param("title", "Stolen"))
        .andExpect(status().isNotFound());
    mvc.perform(form("/status-pages/" + page + "/delete")).andExpect(status().isNotFound());
    mvc.perform(
            form("/status-pages")
                .param("slug", "mine")
                .param("title", "Mine")
                .param("monitors[0].urlId", Long.toString(theirs))
                .param("monitors[0].chosen", "true")
                .param("monitors[0].displayName", "Theirs"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("you have no URLs with ids")));
    mvc.perform(form("/monitors/" + theirs + "/badge")).andExpect(status().isNotFound());
    assertThat(data.count("status_pages")).isEqualTo(1);
    assertThat(data.count("url_badges")).isZero();
  }

  @Test
  void formsWithoutCsrfTokenChangeNothing() throws Exception {
    mvc.perform(post("/status-pages").cookie(cookie).param("slug", "acme").param("title", "Acme"))
        .andExpect(status().isForbidden());
    mvc.perform(post("/monitors/" + shop + "/badge").cookie(cookie))
        .andExpect(status().isForbidden());
    assertThat(data.count("status_pages")).isZero();
    assertThat(data.count("url_badges")).isZero();
  }

  @Test
  void editingReplacesTheMonitorsAndDeletingUnpublishes() throws Exception {
    mvc.perform(
            form("/status-pages")
                .param("slug", "acme")
                .param("title", "Acme")
                .param("monitors[0].urlId", Long.toString(shop))
                .param("monitors[0].chosen", "true")
                .param("monitors[0].displayName", "Shop"))
        .andExpect(status().is3xxRedirection());
    long page = jdbc.sql("SELECT id FROM status_pages").query(Long.class).single();
    mvc.perform(get("/status-pages/" + page + "/edit").cookie(cookie))
        .andExpect(content().string(containsString("value=\"Shop\"")));
    mvc.perform(
            form("/status-pages/" + page)
                .param("slug", "acme-2")
                .param("title", "Acme")
                .param("monitors[0].urlId", Long.toString(shop))
                .param("monitors[1].urlId", Long.toString(db))
                .param("monitors[1].chosen", "true")
                .param("monitors[1].displayName", "Database")
                .param("monitors[1].showTarget", "true"))
        .andExpect(redirectedUrl("/status-pages"));
    assertThat(
            jdbc.sql(
                    "SELECT slug || ':' || display_name || ':' || show_target FROM status_pages JOIN status_page_monitors ON page_id = id")
                .query(String.class)
                .list())
        .containsExactly("acme-2:Database:true");

    mvc.perform(form("/status-pages/" + page + "/delete"))
        .andExpect(redirectedUrl("/status-pages"));
    assertThat(data.count("status_pages")).isZero();
  }

  @Test
  void aBadgeIsShownOnceAndCanBeRotatedAndRevoked() throws Exception {
    mvc.perform(get("/monitors/" + shop).cookie(cookie))
        .andExpect(content().string(containsString("Create badge")));
    String first =
        mvc.perform(form("/monitors/" + shop + "/badge"))
            .andExpect(status().isOk())
            .andExpect(
                content()
                    .string(
                        allOf(
                            containsString("/status.svg"),
                            containsString("/uptime.svg?window=30d"),
                            containsString("/response-time.svg"),
                            containsString("![Status](http://localhost/badge/"))))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String path =
        first.replaceAll("(?s).*http://localhost(/badge/[A-Za-z0-9_-]{32}/status\\.svg).*", "$1");
    mvc.perform(get(path)).andExpect(status().isOk());
    mvc.perform(get("/monitors/" + shop).cookie(cookie))
        .andExpect(content().string(containsString("Rotate badge address")));

    mvc.perform(form("/monitors/" + shop + "/badge"))
        .andExpect(content().string(containsString("earlier badge addresses no longer work")));
    mvc.perform(get(path)).andExpect(status().isNotFound());

    mvc.perform(form("/monitors/" + shop + "/badge/delete"))
        .andExpect(redirectedUrl("/monitors/" + shop));
    assertThat(data.count("url_badges")).isZero();
  }

  private void publish(String owner, String body) throws Exception {
    mvc.perform(withToken(json(post("/api/v1/status-pages"), body), owner))
        .andExpect(status().isCreated());
  }

  /** A form post of the signed-in browser, with the page's CSRF token. */
  private MockHttpServletRequestBuilder form(String path) {
    return post(path).with(csrf()).cookie(cookie);
  }
}

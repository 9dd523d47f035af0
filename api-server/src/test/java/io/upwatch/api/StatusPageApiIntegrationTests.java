package io.upwatch.api;

import static io.upwatch.api.support.ApiClient.json;
import static io.upwatch.api.support.ApiClient.withToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.upwatch.api.support.ApiClient;
import io.upwatch.api.support.ApiIntegrationTest;
import io.upwatch.api.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** /api/v1/status-pages: the owner's CRUD, validation and isolation. */
@ApiIntegrationTest
class StatusPageApiIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired ApiClient api;
  @Autowired TestData data;

  String alice;
  String bob;
  long shop;
  long blog;
  long bobsUrl;

  @BeforeEach
  void signUp() throws Exception {
    data.reset();
    alice = api.signUpAndLogIn("alice");
    bob = api.signUpAndLogIn("bob");
    shop = api.registerUrl(alice, "shop", "https://shop.example", 2);
    blog = api.registerUrl(alice, "blog", "https://blog.example", 2);
    bobsUrl = api.registerUrl(bob, "bobs", "https://bob.example", 2);
  }

  @Test
  void ownerCreatesReadsReplacesAndDeletesAPage() throws Exception {
    String body =
        send(
                alice,
                post("/api/v1/status-pages"),
                page("acme", "Acme status", monitor(shop, "Web shop", true)))
            .andExpect(status().isCreated())
            .andExpect(header().exists("Location"))
            .andExpect(jsonPath("$.slug").value("acme"))
            .andExpect(jsonPath("$.publicPath").value("/status/acme"))
            .andExpect(jsonPath("$.monitors[0].urlId").value(shop))
            .andExpect(jsonPath("$.monitors[0].displayName").value("Web shop"))
            .andExpect(jsonPath("$.monitors[0].showTarget").value(true))
            .andReturn()
            .getResponse()
            .getContentAsString();
    long id = ((Number) JsonPath.read(body, "$.id")).longValue();

    send(
            alice,
            put("/api/v1/status-pages/" + id),
            page(
                "acme-2",
                "Acme",
                monitor(blog, "Blog", false) + ", " + monitor(shop, "Shop", false)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.slug").value("acme-2"))
        .andExpect(jsonPath("$.monitors.length()").value(2))
        .andExpect(jsonPath("$.monitors[0].urlId").value(blog))
        .andExpect(jsonPath("$.monitors[1].displayName").value("Shop"));
    mvc.perform(withToken(get("/api/v1/status-pages"), alice))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(1))
        .andExpect(jsonPath("$[0].title").value("Acme"));
    mvc.perform(get("/status/acme")).andExpect(status().isNotFound());
    mvc.perform(get("/status/acme-2")).andExpect(status().isOk());

    mvc.perform(withToken(delete("/api/v1/status-pages/" + id), alice))
        .andExpect(status().isNoContent());
    mvc.perform(get("/status/acme-2"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(data.count("status_page_monitors")).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"slug\": \"ab\", \"title\": \"t\", \"monitors\": []}",
        "{\"slug\": \"Acme\", \"title\": \"t\", \"monitors\": []}",
        "{\"slug\": \"-acme\", \"title\": \"t\", \"monitors\": []}",
        "{\"slug\": \"acme.json\", \"title\": \"t\", \"monitors\": []}",
        "{\"slug\": \"acme\", \"title\": \" \", \"monitors\": []}",
        "{\"slug\": \"acme\", \"title\": \"t\"}",
        "{\"slug\": \"acme\", \"title\": \"t\", \"monitors\": [{\"urlId\": 1}]}",
        "{\"slug\": \"acme\", \"title\": \"t\", \"monitors\": [{\"urlId\": 1, \"displayName\": \"a\\u0007b\"}]}",
        "{\"slug\": \"acme\", \"title\": \"t\", \"monitors\": [null]}",
        "{\"slug\": \"acme\", \"title\": \"t\", \"monitors\": [{\"urlId\": 99999, \"displayName\": \"x\"}]}"
      })
  void invalidPageIsA400ProblemAndCreatesNothing(String request) throws Exception {
    send(alice, post("/api/v1/status-pages"), request)
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(data.count("status_pages")).isZero();
  }

  @Test
  void aUrlListedTwiceIsA400() throws Exception {
    send(
            alice,
            post("/api/v1/status-pages"),
            page("acme", "Acme", monitor(shop, "a", false) + ", " + monitor(shop, "b", false)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("monitors"));
  }

  @Test
  void anotherUsersMonitorCannotBeAddedAndIsReportedLikeAMissingOne() throws Exception {
    send(alice, post("/api/v1/status-pages"), page("acme", "Acme", monitor(bobsUrl, "Bob", true)))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(
            jsonPath("$.detail")
                .value("Invalid 'monitors': you have no URLs with ids [" + bobsUrl + "]."));
    assertThat(data.count("status_pages")).isZero();
  }

  @Test
  void anotherUsersPageIsNotFoundAndItsSlugIsTaken() throws Exception {
    long id = create(alice, "acme", monitor(shop, "Shop", false));

    mvc.perform(withToken(get("/api/v1/status-pages/" + id), bob))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.type").value("https://upwatch.io/problems/status-page-not-found"));
    send(bob, put("/api/v1/status-pages/" + id), page("bobs", "Bob", ""))
        .andExpect(status().isNotFound());
    mvc.perform(withToken(delete("/api/v1/status-pages/" + id), bob))
        .andExpect(status().isNotFound());
    mvc.perform(withToken(get("/api/v1/status-pages"), bob))
        .andExpect(jsonPath("$.length()").value(0));
    send(bob, post("/api/v1/status-pages"), page("acme", "Mine", ""))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.type").value("https://upwatch.io/problems/slug-taken"));
  }

  @Test
  void pagesNeedASignedInUser() throws Exception {
    mvc.perform(get("/api/v1/status-pages")).andExpect(status().isUnauthorized());
    mvc.perform(json(post("/api/v1/status-pages"), page("acme", "Acme", "")))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void deletingAUrlTakesItOffItsPages() throws Exception {
    long id =
        create(alice, "acme", monitor(shop, "Shop", false) + ", " + monitor(blog, "Blog", false));

    mvc.perform(withToken(delete("/api/v1/urls/" + shop), alice)).andExpect(status().isNoContent());

    mvc.perform(withToken(get("/api/v1/status-pages/" + id), alice))
        .andExpect(jsonPath("$.monitors.length()").value(1))
        .andExpect(jsonPath("$.monitors[0].urlId").value(blog));
  }

  long create(String token, String slug, String monitors) throws Exception {
    String body =
        send(token, post("/api/v1/status-pages"), page(slug, "Title", monitors))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return ((Number) JsonPath.read(body, "$.id")).longValue();
  }

  ResultActions send(String token, MockHttpServletRequestBuilder request, String body)
      throws Exception {
    return mvc.perform(withToken(json(request, body), token));
  }

  static String page(String slug, String title, String monitors) {
    return """
        {"slug": "%s", "title": "%s", "monitors": [%s]}
        """
        .formatted(slug, title, monitors);
  }

  static String monitor(long urlId, String name, boolean showTarget) {
    return """
        {"urlId": %d, "displayName": "%s", "showTarget": %s}"""
        .formatted(urlId, name, showTarget);
  }
}

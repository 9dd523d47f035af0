package io.upwatch.api;

import static io.upwatch.api.support.ApiClient.json;
import static io.upwatch.api.support.ApiClient.withToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.upwatch.api.support.ApiClient;
import io.upwatch.api.support.ApiIntegrationTest;
import io.upwatch.api.support.TestData;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * One user never reads or changes another's URLs, stats or alerts: it is as if they were absent.
 */
@ApiIntegrationTest
class UserIsolationIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired ApiClient api;
  @Autowired TestData data;

  String alice;
  String mallory;
  long alicesUrl;

  @BeforeEach
  void twoUsers() throws Exception {
    data.reset();
    alice = api.signUpAndLogIn("alice");
    mallory = api.signUpAndLogIn("mallory");
    alicesUrl = api.registerUrl(alice, "secret", "https://alice.example/", 3);
    data.check(alicesUrl, Instant.now().minusSeconds(60), 200, null, 10);
    data.alert(alicesUrl, Instant.now().minusSeconds(600), null, 4);
  }

  @Test
  void everyResourceRouteOnAnotherUsersUrlAnswersNotFoundLikeAMissingUrl() throws Exception {
    String path = "/api/v1/urls/" + alicesUrl;
    List<MockHttpServletRequestBuilder> requests =
        List.of(
            get(path),
            json(patch(path), "{\"threshold\": 99}"),
            post(path + "/pause"),
            post(path + "/resume"),
            get(path + "/stats"),
            get(path + "/checks"),
            get(path + "/alerts"),
            delete(path));
    for (var request : requests) {
      mvc.perform(withToken(request, mallory))
          .andExpect(status().isNotFound())
          .andExpect(jsonPath("$.detail").value("url not found"));
    }
    mvc.perform(withToken(get(path), alice))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.threshold").value(3))
        .andExpect(jsonPath("$.enabled").value(true));
  }

  @Test
  void originalsRoutesFindOnlyTheCallersNames() throws Exception {
    mvc.perform(withToken(json(post("/url/stats"), "{\"name\": \"secret\"}"), mallory))
        .andExpect(status().isNotFound());
    mvc.perform(withToken(json(post("/alert/alerts"), "{\"urlname\": \"secret\"}"), mallory))
        .andExpect(status().isNotFound());
    mvc.perform(withToken(get("/url/urls"), mallory)).andExpect(jsonPath("$", hasSize(0)));
  }

  @Test
  void listingsShowOnlyTheCallersOwnUrlsAndAlerts() throws Exception {
    mvc.perform(withToken(get("/api/v1/urls"), mallory))
        .andExpect(jsonPath("$.totalItems").value(0));
    mvc.perform(withToken(get("/api/v1/alerts"), mallory))
        .andExpect(jsonPath("$.totalItems").value(0));
    mvc.perform(withToken(get("/api/v1/alerts"), alice))
        .andExpect(jsonPath("$.totalItems").value(1));
  }

  @Test
  void twoUsersMayUseTheSameUrlName() throws Exception {
    api.registerUrl(mallory, "secret", "https://mallory.example/", 1);

    assertThat(data.count("urls")).isEqualTo(2);
  }
}

package io.upwatch.api.url;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.upwatch.api.config.ApiProperties;
import io.upwatch.api.heartbeat.PingUrls;
import io.upwatch.api.security.CurrentUser;
import io.upwatch.api.web.ProblemWriter;
import io.upwatch.common.region.DeploymentRegions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.CannotCreateTransactionException;

/** The URL controllers alone: request validation, mapping and error translation. */
@WebMvcTest(controllers = {UrlController.class, GomonUrlController.class})
@Import({ProblemWriter.class, PingUrls.class, MonitorRegions.class})
@EnableConfigurationProperties({ApiProperties.class, DeploymentRegions.class})
class UrlControllerTests {

  private static final CurrentUser ALICE = new CurrentUser(7, "alice");

  @Autowired MockMvc mvc;
  @MockitoBean UrlService urls;

  @Test
  void invalidRegistrationNeverReachesTheService() throws Exception {
    mvc.perform(asAlice(post("/api/v1/urls"), "{\"name\": \"x\", \"url\": \"ftp://x\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[?(@.field == 'url')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'threshold')]").exists());
    verifyNoInteractions(urls);
  }

  @Test
  void unknownUrlIsA404Problem() throws Exception {
    given(urls.get(7, 42)).willThrow(new UrlNotFound());

    mvc.perform(asAlice(get("/api/v1/urls/42"), null))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.type").value("https://upwatch.io/problems/url-not-found"));
  }

  @Test
  void unavailableDatabaseIsA503WithRetryAfter() throws Exception {
    given(urls.listAll(anyLong())).willThrow(new CannotCreateTransactionException("db down"));

    mvc.perform(asAlice(get("/url/urls"), null))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().exists("Retry-After"))
        .andExpect(jsonPath("$.type").value("https://upwatch.io/problems/dependency-unavailable"));
  }

  @Test
  void unexpectedFailureIsAnOpaque500Problem() throws Exception {
    given(urls.registerLeniently(anyLong(), any()))
        .willThrow(new IllegalStateException("secret detail"));

    mvc.perform(
            asAlice(
                post("/url/register-url"),
                "{\"name\": \"x\", \"url\": \"http://x.test\", \"threshold\": \"1\"}"))
        .andExpect(status().isInternalServerError())
        .andExpect(jsonPath("$.detail").value("An unexpected error occurred; it has been logged."));
  }

  private static MockHttpServletRequestBuilder asAlice(
      MockHttpServletRequestBuilder request, String body) {
    var builder = request.with(authentication(new TestingAuthenticationToken(ALICE, null, "USER")));
    builder = builder.with(csrf());
    return body == null ? builder : builder.contentType(MediaType.APPLICATION_JSON).content(body);
  }
}

package io.upwatch.api.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Drives the API the way a user's script does: sign up, log in, register URLs. */
public class ApiClient {

  public static final String PASSWORD = "12345678";

  private final MockMvc mvc;

  ApiClient(MockMvc mvc) {
    this.mvc = mvc;
  }

  /** Signs up a user and returns a bearer token for it. */
  public String signUpAndLogIn(String username) throws Exception {
    mvc.perform(json(post("/user/signup"), credentials(username, PASSWORD)))
        .andExpect(status().isCreated());
    String body =
        mvc.perform(json(post("/user/login"), credentials(username, PASSWORD)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(body, "$.token");
  }

  /** Registers a URL through the resource API; returns its id. */
  public long registerUrl(String token, String name, String url, int threshold) throws Exception {
    String body =
        mvc.perform(
                withToken(
                    json(
                        post("/api/v1/urls"),
                        """
                        {"name": "%s", "url": "%s", "threshold": %d}
                        """
                            .formatted(name, url, threshold)),
                    token))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return ((Number) JsonPath.read(body, "$.id")).longValue();
  }

  public static String credentials(String username, String password) {
    return """
        {"username": "%s", "password": "%s"}
        """
        .formatted(username, password);
  }

  public static MockHttpServletRequestBuilder json(
      MockHttpServletRequestBuilder request, String body) {
    return request.contentType(MediaType.APPLICATION_JSON).content(body);
  }

  public static MockHttpServletRequestBuilder withToken(
      MockHttpServletRequestBuilder request, String token) {
    return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
  }
}

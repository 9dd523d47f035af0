package io.upwatch.api;

import static io.upwatch.api.support.ApiClient.json;
import static io.upwatch.api.support.ApiClient.withToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.upwatch.api.support.ApiClient;
import io.upwatch.api.support.ApiIntegrationTest;
import io.upwatch.api.support.TestData;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Every kind of bad input gets a 4xx problem+json that names the problem and changes nothing. */
@ApiIntegrationTest
class BadInputIntegrationTests {

  private static final String LONG_URL = "https://example.com/" + "a".repeat(2048);

  @Autowired MockMvc mvc;
  @Autowired ApiClient api;
  @Autowired TestData data;

  @LocalServerPort int port;

  String token;

  @BeforeEach
  void user() throws Exception {
    data.reset();
    token = api.signUpAndLogIn("alice");
  }

  static Stream<Arguments> badRegistrations() {
    return Stream.of(
        Arguments.of("{\"name\": \"x\",", "not valid JSON"),
        Arguments.of("[1, 2]", "JSON object"),
        Arguments.of("\"just a string\"", "JSON object"),
        Arguments.of("{\"url\": \"http://a.test\", \"threshold\": 1}", "'name'"),
        Arguments.of("{\"name\": \"x\", \"threshold\": 1}", "'url'"),
        Arguments.of("{\"name\": \"x\", \"url\": \"http://a.test\"}", "'threshold'"),
        Arguments.of(
            "{\"name\": \"x\", \"url\": \"http://a.test\", \"threshold\": \"five\"}",
            "'threshold'"),
        Arguments.of(
            "{\"name\": \"x\", \"url\": \"http://a.test\", \"threshold\": 2.5}", "'threshold'"),
        Arguments.of(
            "{\"name\": \"x\", \"url\": \"http://a.test\", \"threshold\": -1}", "'threshold'"),
        Arguments.of(
            "{\"name\": \"x\", \"url\": \"http://a.test\", \"threshold\": {}}", "'threshold'"),
        Arguments.of(
            "{\"name\": \"x\", \"url\": \"http://a.test\", \"threshold\": 99999999999}",
            "'threshold'"),
        Arguments.of(
            "{\"name\": \"x\", \"url\": \"ftp://a.test\", \"threshold\": 1}", "http or https"),
        Arguments.of(
            "{\"name\": \"x\", \"url\": \"javascript:alert(1)\", \"threshold\": 1}", "'url'"),
        Arguments.of(
            "{\"name\": \"x\", \"url\": \"file:///etc/passwd\", \"threshold\": 1}", "'url'"),
        Arguments.of("{\"name\": \"x\", \"url\": \"http://\", \"threshold\": 1}", "'url'"),
        Arguments.of("{\"name\": \"x\", \"url\": \"http://a b\", \"threshold\": 1}", "'url'"),
        Arguments.of("{\"name\": \"x\", \"url\": \"" + LONG_URL + "\", \"threshold\": 1}", "2048"),
        Arguments.of(
            "{\"name\": \"" + "n".repeat(65) + "\", \"url\": \"http://a.test\", \"threshold\": 1}",
            "'name'"),
        Arguments.of("{\"name\": \"a/b\", \"url\": \"http://a.test\", \"threshold\": 1}", "'name'"),
        Arguments.of(
            "{\"name\": \"x\", \"url\": \"http://a.test\", \"threshold\": 1, \"intervalSeconds\": 1}",
            "'intervalSeconds'"),
        Arguments.of(
            "{\"name\": \"x\", \"url\": \"http://a.test\", \"threshold\": 1, \"timeoutSeconds\": 0}",
            "'timeoutSeconds'"));
  }

  @ParameterizedTest
  @MethodSource("badRegistrations")
  void badRegistrationIsAProblemAndWritesNothing(String body, String detailMentions)
      throws Exception {
    for (String path : new String[] {"/api/v1/urls", "/url/register-url"}) {
      mvc.perform(withToken(json(post(path), body), token))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(
              jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(detailMentions)));
    }
    assertThat(data.count("urls")).isZero();
  }

  static Stream<Arguments> resourceApiBodiesWithNulOrUnknownNames() {
    String http = "{\"name\": \"x\", \"url\": \"http://a.test\", \"threshold\": 1, ";
    return Stream.of(
        Arguments.of(
            http
                + "\"http\": {\"assertions\": [{\"type\": \"BODY_CONTAINS\", \"value\":"
                + " \"a\\u0000\"}]}}",
            "Invalid 'http.assertions[0].value': must not contain a NUL character"),
        Arguments.of(
            http + "\"http\": {\"method\": \"POST\", \"body\": \"\\u0000\"}}",
            "Invalid 'http.body': must not contain a NUL character"),
        Arguments.of(
            "{\"name\": \"x\", \"kind\": \"DNS\", \"url\": \"a.test\", \"threshold\": 1,"
                + " \"dns\": {\"expected\": \"\\u0000\"}}",
            "Invalid 'dns.expected': must not contain a NUL character"),
        Arguments.of(
            http
                + "\"http\": {\"method\": \"HEAD\", \"assertions\": [{\"type\":"
                + " \"BODY_CONTAINS\", \"value\": \"ok\"}]}}",
            "Invalid 'http.method': HEAD reads no body"),
        Arguments.of(
            http + "\"kind\": \"SMTP\"}",
            "Invalid 'kind': must be one of [HTTP, TCP, DNS, HEARTBEAT]"),
        Arguments.of(
            http + "\"http\": {\"assertions\": [{\"type\": \"NOPE\", \"value\": \"a\"}]}}",
            "Invalid 'http.assertions[0].type': must be one of"));
  }

  // PostgreSQL cannot store a NUL: it used to fail at the insert, reported as a name clash (409).
  @ParameterizedTest
  @MethodSource("resourceApiBodiesWithNulOrUnknownNames")
  void resourceApiNamesTheFieldOfANulOrAnUnknownConstantAndWritesNothing(String body, String detail)
      throws Exception {
    mvc.perform(withToken(json(post("/api/v1/urls"), body), token))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value(containsString(detail)));
    assertThat(data.count("urls")).isZero();
  }

  @Test
  void channelSecretWithANulIsABadRequestNotANameClash() throws Exception {
    String body =
        "{\"name\": \"hook\", \"type\": \"webhook\", \"target\": \"https://hooks.test/x\","
            + " \"secret\": \"0123456789abcdef\\u0000\"}";
    mvc.perform(withToken(json(post("/api/v1/channels"), body), token))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("Invalid 'secret'")));
  }

  @Test
  void badSignupsAreProblemsAndCreateNoUser() throws Exception {
    String[] bodies = {
      "{\"username\": \"ab\", \"password\": \"12345678\"}",
      "{\"username\": \"has space\", \"password\": \"12345678\"}",
      "{\"username\": \"" + "u".repeat(33) + "\", \"password\": \"12345678\"}",
      "{\"username\": \"bob\", \"password\": \"short\"}",
      "{\"username\": \"bob\", \"password\": \"" + "p".repeat(129) + "\"}",
      "{\"username\": \"bob\"}",
      "{\"username\": 12, \"password\": [1]}",
      "{}",
      ""
    };
    long before = data.count("users");
    for (String body : bodies) {
      mvc.perform(json(post("/user/signup"), body))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
      mvc.perform(json(post("/api/v1/auth/signup"), body)).andExpect(status().isBadRequest());
    }
    assertThat(data.count("users")).isEqualTo(before);
  }

  @Test
  void badPatchChangesNothing() throws Exception {
    long id = api.registerUrl(token, "site", "https://example.com/", 3);

    mvc.perform(
            withToken(
                json(patch("/api/v1/urls/" + id), "{\"threshold\": 5, \"url\": \"gopher://x\"}"),
                token))
        .andExpect(status().isBadRequest());
    mvc.perform(
            withToken(
                json(
                    patch("/api/v1/urls/" + id),
                    "{\"intervalSeconds\": 10, \"timeoutSeconds\": 20}"),
                token))
        .andExpect(status().isBadRequest());
    mvc.perform(withToken(get("/api/v1/urls/" + id), token))
        .andExpect(jsonPath("$.threshold").value(3))
        .andExpect(jsonPath("$.intervalSeconds").value(60));
  }

  @Test
  void badQueryParametersAreProblems() throws Exception {
    String[] paths = {
      "/api/v1/urls/abc",
      "/api/v1/urls?size=0",
      "/api/v1/urls?size=101",
      "/api/v1/urls?page=-1",
      "/api/v1/urls?page=x",
      "/api/v1/alerts?state=closed",
      "/api/v1/urls/1/stats?window=forever",
      "/api/v1/urls/1/stats?window=401d",
      "/api/v1/urls/1/stats?window=1s",
      "/api/v1/urls/1/checks?limit=100000",
      "/api/v1/urls/99999999999999999999"
    };
    for (String path : paths) {
      mvc.perform(withToken(get(path), token))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }
  }

  @Test
  void wrongMethodAndMediaTypeAreProblemsThatSayWhatToSend() throws Exception {
    mvc.perform(withToken(get("/url/register-url"), token))
        .andExpect(status().isMethodNotAllowed())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://upwatch.io/problems/http-405"))
        .andExpect(jsonPath("$.detail").value("Method 'GET' is not supported here; use POST."));
    mvc.perform(
            withToken(
                post("/api/v1/urls").contentType(MediaType.TEXT_PLAIN).content("name=x"), token))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://upwatch.io/problems/http-415"))
        .andExpect(jsonPath("$.detail").value(containsString("`Content-Type: application/json`")));
    mvc.perform(withToken(post("/url/register-url").content("{}"), token))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(jsonPath("$.detail").value(containsString("Content-Type: application/json")));
    assertThat(data.count("urls")).isZero();
  }

  @Test
  void unknownPathIsANotFoundProblemOfItsOwnType() throws Exception {
    for (String path : new String[] {"/api/v1/nope", "/url/nope"}) {
      mvc.perform(withToken(get(path), token))
          .andExpect(status().isNotFound())
          .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.type").value("https://upwatch.io/problems/http-404"))
          .andExpect(
              jsonPath("$.detail")
                  .value("No route GET " + path + "; the API is described at /v3/api-docs."));
    }
  }

  @Test
  void pathsTheFirewallRefusesAreBadRequestProblemsOverRealHttp() throws Exception {
    for (String path : new String[] {"/status/acme;x", "/api/v1/urls//1", "/ping/a;b/fail"}) {
      expectBadRequestProblem(path, "https://upwatch.io/problems/request-rejected");
    }
  }

  @Test
  void pathsTomcatRefusesBeforeSpringAreBadRequestProblemsOverRealHttp() throws Exception {
    for (String path : new String[] {"/status/acme%2Fx", "/ping/a%5Cb", "/api/v1/urls/%2F"}) {
      expectBadRequestProblem(path, "https://upwatch.io/problems/http-400");
    }
  }

  // Over real HTTP: these requests are refused before MockMvc's dispatch would see them.
  private void expectBadRequestProblem(String path, String type) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + token)
            .build();
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).as(path).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type"))
          .as(path)
          .hasValueSatisfying(value -> assertThat(value).startsWith("application/problem+json"));
      assertThat(response.body()).as(path).contains(type);
    }
  }

  @Test
  void unacceptableResponseTypeIsAProblem() throws Exception {
    mvc.perform(withToken(get("/api/v1/urls").accept(MediaType.APPLICATION_XML), token))
        .andExpect(status().isNotAcceptable())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://upwatch.io/problems/http-406"));
  }

  @Test
  void unknownFieldIsRefusedByTheResourceApiNamingItAndChangesNothing() throws Exception {
    mvc.perform(
            withToken(
                json(
                    post("/api/v1/urls"),
                    "{\"name\": \"x\", \"url\": \"http://a.test\", \"threshold\": 1, \"interval\": 30}"),
                token))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://upwatch.io/problems/unknown-field"))
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "unknown field 'interval'; known fields: name, url, threshold,"
                        + " intervalSeconds, timeoutSeconds, failureWindowSeconds, kind, http, dns,"
                        + " heartbeat, regions, quorum"))
        .andExpect(jsonPath("$.errors[0].field").value("interval"));
    assertThat(data.count("urls")).isZero();

    long id = api.registerUrl(token, "site", "https://example.com/", 3);
    mvc.perform(
            withToken(
                json(patch("/api/v1/urls/" + id), "{\"threshold\": 2, \"paused\": true}"), token))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("unknown field 'paused'")));
    mvc.perform(withToken(get("/api/v1/urls/" + id), token))
        .andExpect(jsonPath("$.threshold").value(3))
        .andExpect(jsonPath("$.enabled").value(true));

    long users = data.count("users");
    mvc.perform(
            json(
                post("/api/v1/auth/signup"),
                "{\"username\": \"bob\", \"password\": \"12345678\", \"email\": \"b@x\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("unknown field 'email'")));
    assertThat(data.count("users")).isEqualTo(users);
  }

  @Test
  void originalRoutesIgnoreUnknownFieldsAsTheOriginalDid() throws Exception {
    mvc.perform(
            json(
                post("/user/signup"),
                "{\"username\": \"bob\", \"password\": \"12345678\", \"email\": \"b@x\"}"))
        .andExpect(status().isCreated());
    mvc.perform(
            withToken(
                json(
                    post("/url/register-url"),
                    """
                    {"name": "x", "url": "http://a.test", "threshold": "1", "interval": 30,
                     "tags": {"team": ["ops"]}}
                    """),
                token))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.Name").value("x"));
    mvc.perform(withToken(json(post("/url/stats"), "{\"name\": \"x\", \"window\": 1}"), token))
        .andExpect(status().isOk());
    mvc.perform(
            withToken(json(post("/alert/alerts"), "{\"urlname\": \"x\", \"all\": true}"), token))
        .andExpect(status().isOk());
  }

  @Test
  void bodyOverTheLimitIsRefusedBeforeParsing() throws Exception {
    String huge =
        "{\"name\": \""
            + "n".repeat(70 * 1024)
            + "\", \"url\": \"http://a.test\", \"threshold\": 1}";

    mvc.perform(withToken(json(post("/api/v1/urls"), huge), token))
        .andExpect(status().isContentTooLarge())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(data.count("urls")).isZero();
  }

  @Test
  void chunkedBodyOverTheLimitIsRefusedOverRealHttp() throws Exception {
    byte[] huge =
        ("{\"name\": \""
                + "n".repeat(70 * 1024)
                + "\", \"url\": \"http://a.test\", \"threshold\": 1}")
            .getBytes(StandardCharsets.UTF_8);
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/urls"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            // No length: the JDK client sends it chunked.
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
            .build();
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(413);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
    }
    assertThat(data.count("urls")).isZero();
  }
}

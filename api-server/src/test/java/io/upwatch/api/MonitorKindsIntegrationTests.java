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

import com.jayway.jsonpath.JsonPath;
import io.upwatch.api.support.ApiClient;
import io.upwatch.api.support.ApiIntegrationTest;
import io.upwatch.api.support.TestData;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Monitors of every kind through /api/v1: stored settings, hidden header secrets, clear 400s. */
@ApiIntegrationTest
class MonitorKindsIntegrationTests {

  private static final String HEALTH =
      """
      {"name": "health", "url": "https://api.example.com/health", "threshold": 1,
       "http": {"method": "POST", "headers": {"Authorization": "Bearer s3cret"}, "body": "{}",
                "followRedirects": false, "acceptedStatus": "200-299",
                "assertions": [
                  {"type": "JSON_PATH", "path": "$.status", "operator": "EQUALS", "value": "UP"},
                  {"type": "HEADER", "header": "Content-Type", "operator": "MATCHES",
                   "value": "^application/json"}],
                "certificateExpiryDays": 21}}""";

  @Autowired MockMvc mvc;
  @Autowired ApiClient api;
  @Autowired TestData data;
  @Autowired JdbcClient jdbc;

  String token;

  @BeforeEach
  void user() throws Exception {
    data.reset();
    token = api.signUpAndLogIn("alice");
  }

  @Test
  void httpSettingsAreStoredAndHeaderValuesNeverShown() throws Exception {
    String body =
        register(HEALTH)
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.kind").value("HTTP"))
            .andExpect(jsonPath("$.http.method").value("POST"))
            .andExpect(jsonPath("$.http.headerNames[0]").value("Authorization"))
            .andExpect(jsonPath("$.http.assertions[0].path").value("$.status"))
            .andExpect(jsonPath("$.http.certificateExpiryDays").value(21))
            .andExpect(jsonPath("$.dns").doesNotExist())
            .andExpect(content().string(org.hamcrest.Matchers.not(containsString("s3cret"))))
            .andReturn()
            .getResponse()
            .getContentAsString();
    long id = ((Number) JsonPath.read(body, "$.id")).longValue();

    // An update without headers keeps the stored secret.
    mvc.perform(
            withToken(
                json(
                    patch("/api/v1/urls/" + id),
                    "{\"http\": {\"assertions\": [{\"type\": \"BODY_CONTAINS\", \"value\": \"ok\"}]}}"),
                token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.http.method").value("GET"))
        .andExpect(jsonPath("$.http.headerNames[0]").value("Authorization"));
    assertThat(spec(id)).contains("s3cret").contains("BODY_CONTAINS");
    mvc.perform(withToken(get("/api/v1/urls/" + id), token))
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("s3cret"))));
  }

  @Test
  void plainRegistrationStoresNoSpec() throws Exception {
    long id = api.registerUrl(token, "plain", "https://example.com/", 1);

    assertThat(spec(id)).isNull();
    mvc.perform(withToken(get("/api/v1/urls/" + id), token))
        .andExpect(jsonPath("$.http.method").value("GET"))
        .andExpect(jsonPath("$.http.followRedirects").value(true))
        .andExpect(jsonPath("$.http.certificateExpiryDays").value(14));
  }

  @Test
  void tcpAndDnsMonitorsTakeTargetsInTheirOwnForm() throws Exception {
    register(
            """
            {"name": "db", "kind": "TCP", "url": "tcp://DB.example.com:5432", "threshold": 1}""")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.url").value("tcp://db.example.com:5432"))
        .andExpect(jsonPath("$.http").doesNotExist());
    register(
            """
            {"name": "mail", "kind": "DNS", "url": "example.com.", "threshold": 1,
             "dns": {"recordType": "MX", "expected": "mail.example.com"}}""")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.url").value("example.com"))
        .andExpect(jsonPath("$.dns.recordType").value("MX"))
        .andExpect(jsonPath("$.dns.expected").value("mail.example.com"));
    assertThat(jdbc.sql("SELECT kind FROM urls ORDER BY id").query(String.class).list())
        .containsExactly("TCP", "DNS");
  }

  @Test
  void updateKeepsTheKindAndValidatesAgainstIt() throws Exception {
    String body =
        register(
                """
                {"name": "mail", "kind": "DNS", "url": "example.com", "threshold": 1}""")
            .andReturn()
            .getResponse()
            .getContentAsString();
    long id = ((Number) JsonPath.read(body, "$.id")).longValue();

    update(id, "{\"dns\": {\"recordType\": \"TXT\", \"expected\": \"v=spf1 -all\"}}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.dns.recordType").value("TXT"));
    update(id, "{\"url\": \"https://example.com/\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("url"));
    update(id, "{\"http\": {\"method\": \"GET\"}}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("http"));
    update(id, "{\"kind\": \"HTTP\"}").andExpect(status().isBadRequest());
    assertThat(spec(id)).contains("TXT");
  }

  private ResultActions update(long id, String body) throws Exception {
    return mvc.perform(withToken(json(patch("/api/v1/urls/" + id), body), token));
  }

  static Stream<Arguments> badMonitors() {
    String base = "\"name\": \"x\", \"threshold\": 1, ";
    return Stream.of(
        Arguments.of("{" + base + "\"kind\": \"SMTP\", \"url\": \"a.test\"}", "'kind'"),
        Arguments.of("{" + base + "\"kind\": \"TCP\", \"url\": \"tcp://a.test\"}", "'url'"),
        Arguments.of("{" + base + "\"kind\": \"TCP\", \"url\": \"http://a.test/\"}", "'url'"),
        Arguments.of("{" + base + "\"kind\": \"DNS\", \"url\": \"a b.test\"}", "'url'"),
        Arguments.of(
            "{"
                + base
                + "\"url\": \"http://a.test\", \"http\": {\"assertions\": [{\"type\": "
                + "\"BODY_MATCHES\", \"value\": \"(unclosed\"}]}}",
            "'http.assertions[0].value'"),
        Arguments.of(
            "{"
                + base
                + "\"url\": \"http://a.test\", \"http\": {\"assertions\": [{\"type\": "
                + "\"JSON_PATH\", \"path\": \"$.[\", \"value\": \"x\"}]}}",
            "'http.assertions[0].path'"),
        Arguments.of(
            "{"
                + base
                + "\"url\": \"http://a.test\", \"http\": {\"assertions\": [{\"type\": "
                + "\"JSON_PATH\", \"path\": \"$.a\", \"operator\": \"ABOUT\", \"value\": \"x\"}]}}",
            "operator"),
        Arguments.of(
            "{"
                + base
                + "\"url\": \"http://a.test\", \"http\": {\"assertions\": [{\"type\": "
                + "\"SOMETHING\", \"value\": \"x\"}]}}",
            "type"),
        Arguments.of(
            "{"
                + base
                + "\"url\": \"http://a.test\", \"http\": {\"headers\": {\"Bad Name\": "
                + "\"v\"}}}",
            "'http.headers'"),
        Arguments.of(
            "{" + base + "\"url\": \"http://a.test\", \"http\": {\"acceptedStatus\": \"2xx\"}}",
            "'http.acceptedStatus'"),
        Arguments.of(
            "{" + base + "\"url\": \"http://a.test\", \"http\": {\"method\": \"DELETE\"}}",
            "'http.method'"),
        Arguments.of(
            "{" + base + "\"kind\": \"TCP\", \"url\": \"tcp://a.test:1\", \"http\": {}}", "'http'"),
        Arguments.of(
            "{" + base + "\"url\": \"http://a.test\", \"http\": {\"certificateExpiryDays\": 400}}",
            "certificateExpiryDays"));
  }

  @ParameterizedTest
  @MethodSource("badMonitors")
  void badMonitorIsAProblemNamingTheFieldAndWritesNothing(String body, String detailMentions)
      throws Exception {
    register(body)
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value(containsString(detailMentions)));
    assertThat(data.count("urls")).isZero();
  }

  private ResultActions register(String body) throws Exception {
    return mvc.perform(withToken(json(post("/api/v1/urls"), body), token));
  }

  private String spec(long id) {
    return jdbc.sql("SELECT check_spec::text FROM urls WHERE id = ?")
        .param(id)
        .query(String.class)
        .optional()
        .orElse(null);
  }
}

package io.upwatch.api.dashboard;

import static io.upwatch.api.dashboard.DashboardAuthIntegrationTests.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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

/** Channels from the dashboard: create, edit, test and the delivery history. */
@ApiIntegrationTest
class ChannelPagesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired ApiClient api;
  @Autowired TestData data;
  @Autowired JdbcClient jdbc;

  Cookie cookie;
  String token;

  @BeforeEach
  void signedIn() throws Exception {
    data.reset();
    token = api.signUpAndLogIn("notified");
    cookie = session(token);
  }

  @Test
  void aWebhookChannelIsCreatedTestedAndItsDeliveryShown() throws Exception {
    String location =
        mvc.perform(
                form("/channels")
                    .param("name", "Ops hook")
                    .param("type", "webhook")
                    .param("target", "https://hooks.example.com/upwatch")
                    .param("secret", "a-signing-secret-of-at-least-16")
                    .param("scope", "all")
                    .param("enabled", "true"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    mvc.perform(get("/channels").cookie(cookie))
        .andExpect(
            content()
                .string(
                    allOf(containsString("Ops hook"), not(containsString("a-signing-secret")))));

    String tested =
        mvc.perform(form(location + "/test"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(tested).contains("?tested=");
    jdbc.sql(
            "UPDATE notification_deliveries SET status = 'FAILED', attempts = 3, last_status = 500, last_error = 'receiver said 500'")
        .update();
    mvc.perform(get(tested).cookie(cookie))
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("id=\"test-status\">failed<"),
                        containsString("(HTTP 500)"),
                        containsString("receiver said 500"),
                        containsString("id=\"deliveries\""))));
  }

  @Test
  void channelFormShowsTheApisMessagesBesideTheInputs() throws Exception {
    mvc.perform(
            form("/channels")
                .param("name", "")
                .param("type", "webhook")
                .param("target", "not a url")
                .param("secret", "")
                .param("scope", "chosen"))
        .andExpect(status().isBadRequest())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("id=\"name-error\""),
                        containsString("must not be blank"),
                        containsString("id=\"urlIds-error\""))));
    mvc.perform(
            form("/channels")
                .param("name", "Hook")
                .param("type", "webhook")
                .param("target", "https://hooks.example.com/")
                .param("secret", "")
                .param("scope", "all"))
        .andExpect(status().isBadRequest())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("id=\"secret-error\""),
                        containsString("a webhook needs a signing secret"))));
    assertThat(data.count("notification_channels")).isZero();
  }

  @Test
  void editingKeepsABlankTargetAndSecretAndRoutesToChosenMonitors() throws Exception {
    long url = api.registerUrl(token, "routed", "https://routed.example/", 2);
    mvc.perform(
            form("/channels")
                .param("name", "Mail")
                .param("type", "email")
                .param("target", "ops@example.com")
                .param("scope", "all"))
        .andExpect(status().is3xxRedirection());
    long id = jdbc.sql("SELECT id FROM notification_channels").query(Long.class).single();
    mvc.perform(get("/channels/" + id + "/edit").cookie(cookie))
        .andExpect(content().string(containsString("Now: ops@example.com")));
    mvc.perform(
            form("/channels/" + id)
                .param("name", "Mail ops")
                .param("target", "")
                .param("secret", "")
                .param("scope", "chosen")
                .param("urlIds", Long.toString(url))
                .param("enabled", "false"))
        .andExpect(status().is3xxRedirection());
    var row =
        jdbc.sql("SELECT name, target, all_urls, enabled FROM notification_channels")
            .query(
                (rs, n) ->
                    rs.getString(1)
                        + "|"
                        + rs.getString(2)
                        + "|"
                        + rs.getBoolean(3)
                        + "|"
                        + rs.getBoolean(4))
            .single();
    assertThat(row).isEqualTo("Mail ops|ops@example.com|false|false");
    assertThat(data.count("notification_channel_urls")).isEqualTo(1);
  }

  /** A form post of the signed-in browser, with the page's CSRF token. */
  private MockHttpServletRequestBuilder form(String path) {
    return post(path).with(csrf()).cookie(cookie);
  }
}

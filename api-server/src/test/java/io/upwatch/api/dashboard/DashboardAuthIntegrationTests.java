package io.upwatch.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.upwatch.api.support.ApiClient;
import io.upwatch.api.support.ApiIntegrationTest;
import io.upwatch.api.support.TestData;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Signing in and out of the dashboard: the JWT in a cookie, CSRF on every form, the headers. */
@ApiIntegrationTest
class DashboardAuthIntegrationTests {

  @Autowired MockMvc mvc;

  @LocalServerPort int port;
  @Autowired ApiClient api;
  @Autowired TestData data;

  @BeforeEach
  void clean() {
    data.reset();
  }

  @Test
  void signedOutRootShowsASignInFormWithACsrfTokenAndASignUpLink() throws Exception {
    mvc.perform(get("/"))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith("text/html"))
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("action=\"/sign-in\""),
                        containsString("name=\"_csrf\""),
                        containsString("<label for=\"username\">"),
                        containsString("href=\"/sign-up\""))));
  }

  // Over real HTTP: MockMvc's response leaves the SameSite attribute out of Set-Cookie.
  @Test
  void theCsrfTokenCookieIsHttpOnlyAndLax() throws Exception {
    try (var client = HttpClient.newHttpClient()) {
      var response =
          client.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).build(),
              HttpResponse.BodyHandlers.discarding());
      assertThat(response.headers().allValues("Set-Cookie"))
          .filteredOn(header -> header.startsWith("XSRF-TOKEN="))
          .singleElement()
          .asString()
          .contains("HttpOnly", "SameSite=Lax", "Path=/");
    }
  }

  @Test
  void signUpSetsAnHttpOnlyLaxSessionCookieThatOpensTheDashboard() throws Exception {
    MvcResult signedUp =
        mvc.perform(
                post("/sign-up")
                    .with(csrf())
                    .param("username", "webby")
                    .param("password", ApiClient.PASSWORD))
            .andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrl("/"))
            .andReturn();
    String setCookie = sessionSetCookie(signedUp);
    assertThat(setCookie).contains("HttpOnly", "SameSite=Lax", "Path=/").doesNotContain("Secure");
    Cookie session = signedUp.getResponse().getCookie("upwatch_session");

    mvc.perform(get("/").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("Monitors"), containsString("webby"))));
  }

  @Test
  void theSessionCookieIsSecureOverTls() throws Exception {
    api.signUpAndLogIn("tls");
    MvcResult signedIn =
        mvc.perform(
                post("/sign-in")
                    .secure(true)
                    .with(csrf())
                    .param("username", "tls")
                    .param("password", ApiClient.PASSWORD))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    assertThat(sessionSetCookie(signedIn)).contains("Secure", "HttpOnly");
  }

  @Test
  void aFormPostWithoutCsrfTokenIsRefusedAndSignsNobodyIn() throws Exception {
    api.signUpAndLogIn("victim");
    mvc.perform(post("/sign-in").param("username", "victim").param("password", ApiClient.PASSWORD))
        .andExpect(status().isForbidden())
        .andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE))
        .andExpect(content().string(containsString("This form has expired")));
  }

  @Test
  void aSignedInFormPostWithoutCsrfTokenChangesNothing() throws Exception {
    String token = api.signUpAndLogIn("csrf");
    long url = api.registerUrl(token, "kept", "https://example.org/", 2);
    mvc.perform(post("/monitors/" + url + "/delete").cookie(session(token)))
        .andExpect(status().isForbidden());
    assertThat(data.count("urls")).isEqualTo(1);
  }

  @Test
  void signedInRequestsKeepTheCsrfTokenTheFormsCarry() throws Exception {
    String token = api.signUpAndLogIn("steady");
    Cookie csrfCookie = new Cookie("XSRF-TOKEN", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
    for (String path : new String[] {"/monitors/new", "/assets/upwatch.css", "/"}) {
      mvc.perform(get(path).cookie(session(token), csrfCookie))
          .andExpect(status().isOk())
          .andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE));
    }
  }

  @Test
  void aFormCarryingThePagesTokenIsAccepted() throws Exception {
    String token = api.signUpAndLogIn("former");
    var page = mvc.perform(get("/monitors/new").cookie(session(token))).andReturn().getResponse();
    Cookie csrfCookie = page.getCookie("XSRF-TOKEN");
    String formToken =
        page.getContentAsString().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
    // The stylesheet the page loads in between must not void the token.
    mvc.perform(get("/assets/upwatch.css").cookie(session(token), csrfCookie))
        .andExpect(status().isOk());
    mvc.perform(
            post("/monitors")
                .cookie(session(token), csrfCookie)
                .param("_csrf", formToken)
                .param("name", "formed")
                .param("url", "https://formed.example/")
                .param("threshold", "2"))
        .andExpect(status().is3xxRedirection());
    assertThat(data.count("urls")).isEqualTo(1);
    assertThat(page.getHeader(HttpHeaders.SET_COOKIE)).doesNotContain("JSESSIONID");
  }

  @Test
  void wrongPasswordShowsTheApiMessageWith401() throws Exception {
    api.signUpAndLogIn("carol");
    mvc.perform(
            post("/sign-in").with(csrf()).param("username", "carol").param("password", "wrong-one"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE))
        .andExpect(content().string(containsString("wrong username or password")));
  }

  @Test
  void theLoginThrottleAppliesToTheForm() throws Exception {
    api.signUpAndLogIn("dave");
    for (int i = 0; i < 5; i++) {
      mvc.perform(
              post("/sign-in")
                  .with(csrf())
                  .param("username", "dave")
                  .param("password", "nope-nope"))
          .andExpect(status().isUnauthorized());
    }
    mvc.perform(
            post("/sign-in")
                .with(csrf())
                .param("username", "dave")
                .param("password", ApiClient.PASSWORD))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE));
  }

  @Test
  void invalidSignUpShowsTheApiFieldMessagesBesideTheInputs() throws Exception {
    mvc.perform(post("/sign-up").with(csrf()).param("username", "x").param("password", "short"))
        .andExpect(status().isBadRequest())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("id=\"username-error\""),
                        containsString(
                            "must be 3-32 letters, digits, &#39;_&#39;, &#39;.&#39; or &#39;-&#39;"),
                        containsString("id=\"password-error\""),
                        containsString("size must be between 8 and 128"))));
    assertThat(data.count("users")).isZero();
  }

  @Test
  void aTakenUsernameIsShownBesideTheUsername() throws Exception {
    api.signUpAndLogIn("taken");
    mvc.perform(
            post("/sign-up")
                .with(csrf())
                .param("username", "taken")
                .param("password", ApiClient.PASSWORD))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("user already exists")));
  }

  @Test
  void signOutClearsTheCookie() throws Exception {
    String token = api.signUpAndLogIn("leaving");
    MvcResult out =
        mvc.perform(post("/sign-out").with(csrf()).cookie(session(token)))
            .andExpect(redirectedUrl("/sign-in"))
            .andReturn();
    assertThat(sessionSetCookie(out)).contains("Max-Age=0");
  }

  @Test
  void aForgedSessionCookieIsDroppedAndTheBrowserSentToSignIn() throws Exception {
    String token = api.signUpAndLogIn("forged");
    String forged = token.substring(0, token.length() - 4) + "AAAA";
    MvcResult result =
        mvc.perform(get("/channels").cookie(new Cookie("upwatch_session", forged)))
            .andExpect(status().isSeeOther())
            .andExpect(redirectedUrl("/sign-in"))
            .andReturn();
    assertThat(sessionSetCookie(result)).contains("Max-Age=0");
  }

  @Test
  void signedOutPagesRedirectToSignIn() throws Exception {
    mvc.perform(get("/monitors/new")).andExpect(redirectedUrl("/sign-in"));
    mvc.perform(get("/channels")).andExpect(redirectedUrl("/sign-in"));
  }

  @Test
  void pagesCarryAStrictContentSecurityPolicyAndTheUsualHeaders() throws Exception {
    mvc.perform(get("/"))
        .andExpect(
            header()
                .string(
                    "Content-Security-Policy",
                    allOf(
                        containsString("script-src 'self'"),
                        containsString("frame-ancestors 'none'"),
                        not(containsString("unsafe-inline")))))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(header().string("X-Frame-Options", "DENY"))
        .andExpect(header().string("Referrer-Policy", "same-origin"));
  }

  @Test
  void pagesHaveNoInlineScriptOrStyle() throws Exception {
    String page = mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
    assertThat(page).doesNotContain("<script>", "style=\"", "<style");
    assertThat(page).contains("<script src=\"/assets/upwatch.js\"");
  }

  @Test
  void theJsonApiStaysStatelessBearerOnlyAndWithoutCsrf() throws Exception {
    String token = api.signUpAndLogIn("apiuser");
    // The dashboard's cookie does not authenticate the API ...
    mvc.perform(get("/api/v1/urls").cookie(session(token))).andExpect(status().isUnauthorized());
    // ... and bearer requests need no CSRF token.
    api.registerUrl(token, "viaapi", "https://example.org/", 2);
    mvc.perform(get("/api/v1/urls").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk())
        .andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE));
  }

  static Cookie session(String token) {
    return new Cookie("upwatch_session", token);
  }

  private static String sessionSetCookie(MvcResult result) {
    return result.getResponse().getHeaders(HttpHeaders.SET_COOKIE).stream()
        .filter(value -> value.startsWith("upwatch_session="))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie set"));
  }
}

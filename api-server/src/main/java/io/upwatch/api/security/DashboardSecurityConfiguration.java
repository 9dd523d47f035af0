package io.upwatch.api.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The dashboard's own filter chain, ahead of the JSON API's: the same JWT, read from the session
 * cookie instead of the Authorization header, with CSRF tokens on every form (kept in a cookie, so
 * the server still holds no session) and a strict Content-Security-Policy. The API's chain stays
 * stateless, bearer-only and without CSRF.
 */
@Configuration(proxyBeanMethods = false)
class DashboardSecurityConfiguration {

  /** Every path the dashboard serves; everything else belongs to the API's chain. */
  private static final String[] PAGES = {
    "/",
    "/sign-in",
    "/sign-up",
    "/sign-out",
    "/monitors/**",
    "/channels/**",
    "/status-pages/**",
    "/assets/**"
  };

  private static final String[] OPEN_PAGES = {"/", "/sign-in", "/sign-up", "/assets/**"};

  // No inline script or style anywhere: scripts and styles are files under /assets. Inline SVG
  // charts are markup, not images, so they need nothing more.
  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'";

  // The token's cookie is sent only with same-site requests and top-level navigations, like the
  // session cookie (HttpOnly; Secure over TLS is the repository's default).
  private static CookieCsrfTokenRepository csrfTokens() {
    var tokens = new CookieCsrfTokenRepository();
    tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
    return tokens;
  }

  @Bean
  @Order(1)
  SecurityFilterChain dashboardFilterChain(
      HttpSecurity http, JwtDecoder jwtDecoder, SessionCookie cookie) throws Exception {
    var signIn = new SignInRedirect();
    return http.securityMatcher(PAGES)
        // No session management at all: with a stateless chain it takes every request signed in
        // by the cookie for a fresh login and rotates the CSRF token, so the page's own requests
        // (its stylesheet, the list's refresh) would void the token its forms carry. Nothing
        // stores a session here anyway: the context comes from the cookie on every request.
        .sessionManagement(session -> session.disable())
        .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens()))
        .addFilterAfter(new CsrfTokenLoader(), CsrfFilter.class)
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable())
        .requestCache(cache -> cache.disable())
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                    .permissionsPolicyHeader(
                        permissions ->
                            permissions.policy("camera=(), microphone=(), geolocation=()")))
        .authorizeHttpRequests(
            auth -> auth.requestMatchers(OPEN_PAGES).permitAll().anyRequest().authenticated())
        .addFilterBefore(
            new SessionCookieFilter(cookie, jwtDecoder), AnonymousAuthenticationFilter.class)
        .exceptionHandling(
            handling ->
                handling
                    .authenticationEntryPoint(signIn)
                    .accessDeniedHandler(new ExpiredFormHandler()))
        .build();
  }
}

package io.upwatch.api.security;

import io.upwatch.api.config.ApiProperties;
import java.time.Clock;
import javax.crypto.SecretKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Stateless bearer-token security: signup, login, docs, probes, public status pages and badges are
 * open; everything else needs an HS256 JWT with an expiry, issued by {@link TokenIssuer} and
 * verified by {@link JjwtDecoder} (jjwt, the one JWT library). Heartbeat pings ({@code /ping/**})
 * have a chain of their own without authentication: the token in the path is their credential, and
 * a burst of pings should not pay for a bearer-token filter it cannot use.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  private static final String[] OPEN_PATHS = {
    "/user/signup",
    "/user/login",
    "/api/v1/auth/signup",
    "/api/v1/auth/login",
    "/actuator/health/**",
    "/actuator/info",
    "/actuator/prometheus",
    "/v3/api-docs/**",
    "/swagger-ui/**",
    "/swagger-ui.html",
    "/error",
    // Public status pages, their stylesheet and badges: read without sign-in by design; they
    // reach only what a page's owner published or a badge token stands for.
    "/status/*",
    "/status-assets/**",
    "/badge/*/*"
  };

  @Bean
  @Order(1)
  SecurityFilterChain pingFilterChain(HttpSecurity http) throws Exception {
    return http.securityMatcher("/ping/**")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable())
        .requestCache(cache -> cache.disable())
        .securityContext(context -> context.disable())
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain securityFilterChain(
      HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint) throws Exception {
    return http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable())
        .requestCache(cache -> cache.disable())
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(OPEN_PATHS)
                    .permitAll()
                    .requestMatchers(HttpMethod.OPTIONS, "/**")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(entryPoint)
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(new CurrentUserConverter())))
        .exceptionHandling(
            handling ->
                handling.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
        .build();
  }

  @Bean
  SecretKey jwtKey(ApiProperties properties) {
    return JwtKeyFactory.keyFrom(properties.jwt());
  }

  @Bean
  JwtDecoder jwtDecoder(SecretKey jwtKey, Clock clock) {
    return new JjwtDecoder(jwtKey, clock);
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    // OWASP's Argon2id baseline: 19 MiB of memory, 2 iterations, 1 lane. The id prefix lets
    // stored hashes move to stronger parameters later without a flag day.
    var argon2 = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    return new DelegatingPasswordEncoder("argon2", java.util.Map.of("argon2", argon2));
  }
}

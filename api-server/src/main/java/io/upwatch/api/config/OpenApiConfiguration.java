package io.upwatch.api.config;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Contact;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Describes the API for the OpenAPI document at /v3/api-docs and Swagger UI. Error responses and
 * their problem schema are added by {@code io.upwatch.api.web.ProblemResponses}.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
    info =
        @Info(
            title = "Upwatch API",
            version = "v1",
            description =
                """
                Uptime monitoring: register URLs, read their checks, stats and alerts, and \
                choose where alerts are sent.

                Sign up and log in (`/api/v1/auth`) to get a JWT, then send it as \
                `Authorization: Bearer <token>` on every other route, except the public status \
                pages (`/status/{slug}`) and badges (`/badge/{token}/...`).

                Every error is an RFC 9457 problem (`application/problem+json`, schema \
                `Problem`) whose `type` names the situation, e.g. \
                `https://upwatch.io/problems/url-not-found`. A 503 means a backing service is \
                briefly unavailable and nothing was changed: retry after `Retry-After` seconds.

                The `/user`, `/url` and `/alert` routes keep the original gomon contract for \
                existing scripts; new clients should use `/api/v1`.""",
            contact = @Contact(name = "Upwatch", url = "https://upwatch.io")),
    servers = @Server(url = "/", description = "The Upwatch instance serving this document"),
    tags = {
      @Tag(name = "Authentication", description = "Sign up and log in to get an access token."),
      @Tag(name = "URLs", description = "The caller's monitored URLs and their alert rule."),
      @Tag(name = "Checks and stats", description = "Recent checks and outcome counts of a URL."),
      @Tag(name = "Alerts", description = "Alerts raised when a URL fails too often."),
      @Tag(
          name = "Regions",
          description =
              "Where checks run from: the deployment's regions and their live monitoring"
                  + " workers."),
      @Tag(
          name = "Heartbeat pings",
          description =
              "What a heartbeat monitor's job calls: public, the token in the path is the"
                  + " credential."),
      @Tag(
          name = "Notification channels",
          description = "Where alerts are sent (webhook, Slack, email) and what was delivered."),
      @Tag(
          name = "Status pages",
          description = "The caller's public status pages: which URLs they show, and how."),
      @Tag(
          name = "Public status",
          description =
              "Published status pages, read without sign-in: HTML for people, JSON for tools."),
      @Tag(
          name = "Badges",
          description =
              "SVG badges (status, uptime, response time) for READMEs behind an unguessable"
                  + " per-URL token, and the routes that issue and revoke it."),
      @Tag(
          name = "gomon compatibility",
          description =
              "The original gomon routes with their request and response shapes, kept for"
                  + " existing scripts. They ignore unknown fields and accept an alert rule that"
                  + " can never fire; prefer /api/v1.")
    },
    security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(
    name = "bearer",
    description = "A JWT from POST /api/v1/auth/login (or /user/login).",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
class OpenApiConfiguration {

  /**
   * Drops the patterns that only Java reads ({@code \p{L}}, {@code \p{Cntrl}}): an ECMA regex
   * without the unicode flag, as linters and most client generators compile it, takes them
   * literally and would refuse valid names. The property's description states the rule instead.
   */
  @Bean
  OpenApiCustomizer javaOnlyPatterns() {
    return openApi -> {
      for (Schema<?> schema : openApi.getComponents().getSchemas().values()) {
        if (schema.getProperties() != null) {
          schema.getProperties().values().stream()
              .filter(property -> property.getPattern() != null)
              .filter(property -> property.getPattern().contains("\\p{"))
              .forEach(property -> property.setPattern(null));
        }
      }
    };
  }
}

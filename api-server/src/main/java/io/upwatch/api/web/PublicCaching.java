package io.upwatch.api.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.time.Duration;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Caching of the public, signed-out reads (status pages, badges): a short public max-age, so a
 * README or a status page under load is served by caches and CDNs, and an ETag of the body, so a
 * revalidation costs a 304 and no transfer.
 */
@Configuration(proxyBeanMethods = false)
public class PublicCaching {

  /** Status pages: fresh enough for a page people refresh during an outage. */
  public static final CacheControl STATUS_CACHE =
      CacheControl.maxAge(Duration.ofSeconds(30)).cachePublic();

  /** Badges: images in READMEs, fetched through image proxies. */
  public static final CacheControl BADGE_CACHE =
      CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();

  /**
   * Documents the caching of every public read once: the 200's {@code ETag} and {@code
   * Cache-Control} headers and the 304 a revalidation gets (without a body).
   */
  @Bean
  OpenApiCustomizer publicCachingDocs() {
    return openApi ->
        openApi
            .getPaths()
            .forEach(
                (path, item) -> {
                  if (path.startsWith("/status/") || path.startsWith("/badge/")) {
                    item.readOperations().forEach(PublicCaching::documentCaching);
                  }
                });
  }

  private static void documentCaching(Operation operation) {
    ApiResponse ok = operation.getResponses().get("200");
    if (ok != null) {
      ok.addHeaderObject(
          HttpHeaders.ETAG,
          new Header().description("A tag of this body.").schema(new StringSchema()));
      ok.addHeaderObject(
          HttpHeaders.CACHE_CONTROL,
          new Header()
              .description("`public, max-age=30` on status pages, `max-age=60` on badges.")
              .schema(new StringSchema()));
    }
    operation
        .getResponses()
        .addApiResponse(
            "304",
            new ApiResponse()
                .description(
                    "Not modified: the `If-None-Match` sent names this body's `ETag`; no body."));
  }

  @Bean
  FilterRegistrationBean<ShallowEtagHeaderFilter> publicEtags() {
    var registration = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
    registration.addUrlPatterns("/status/*", "/badge/*");
    registration.setName("publicEtags");
    return registration;
  }
}

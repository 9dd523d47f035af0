package io.upwatch.api.heartbeat;

import io.upwatch.api.config.ApiProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Builds a heartbeat's ping URLs from {@code upwatch.api.public-url}, or, when that is empty, from
 * the base of the request being answered (right when clients reach the API directly; behind a
 * proxy, set the public URL or forward headers).
 */
@Component
public class PingUrls {

  private final String publicUrl;

  PingUrls(ApiProperties properties) {
    String url = properties.publicUrl().strip();
    this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** The success ping URL of a token; its {@code /fail} and {@code /start} URLs extend it. */
  public String ping(String token) {
    String base =
        publicUrl.isEmpty()
            ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
            : publicUrl;
    return base + "/ping/" + token;
  }
}

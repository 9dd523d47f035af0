package io.upwatch.api.status;

import java.time.Instant;
import java.util.List;

/**
 * A status page as its owner sees it.
 *
 * @param id the page's id
 * @param slug its public address is {@code /status/{slug}}
 * @param title its heading
 * @param publicPath the public page, {@code /status/{slug}} (JSON at {@code /status/{slug}.json})
 * @param monitors the monitors it shows, in order
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record StatusPageResponse(
    long id,
    String slug,
    String title,
    String publicPath,
    List<Monitor> monitors,
    Instant createdAt,
    Instant updatedAt) {

  /**
   * A monitor on the page.
   *
   * @param urlId the URL
   * @param displayName the name the public sees
   * @param showTarget whether the URL's address is shown
   */
  public record Monitor(long urlId, String displayName, boolean showTarget) {}

  public static StatusPageResponse from(StatusPage page) {
    return new StatusPageResponse(
        page.getId(),
        page.getSlug(),
        page.getTitle(),
        "/status/" + page.getSlug(),
        page.getMonitors().stream()
            .map(m -> new Monitor(m.getUrlId(), m.getDisplayName(), m.isShowTarget()))
            .toList(),
        page.getCreatedAt(),
        page.getUpdatedAt());
  }
}

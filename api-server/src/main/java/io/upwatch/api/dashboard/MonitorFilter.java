package io.upwatch.api.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The monitors list's search, state filter and page, as sent in the query string.
 *
 * @param query text to find in the name or target, or empty
 * @param state only monitors in this state, or null for all
 * @param page zero-based page number
 */
public record MonitorFilter(String query, MonitorState state, int page) {

  static final int PAGE_SIZE = 50;

  // Far beyond any real account (the URL limit is per user), yet small enough for an int offset.
  private static final int MAX_PAGE = 100_000;

  static MonitorFilter of(String query, String state, Integer page) {
    // No name or target holds a NUL (PostgreSQL text cannot), and as a query parameter it fails
    // the statement: drop it rather than answer a search with a 500.
    String text = query == null ? "" : query.replace("\0", "").strip();
    if (text.length() > 200) {
      text = text.substring(0, 200);
    }
    int number = page == null ? 0 : Math.clamp(page, 0, MAX_PAGE);
    return new MonitorFilter(text, MonitorState.fromKey(state), number);
  }

  int offset() {
    return page * PAGE_SIZE;
  }

  /** A LIKE pattern that matches the query as plain text anywhere. */
  String likePattern() {
    return "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  /** The list's link to another page with the same search and filter. */
  public String pageLink(int number) {
    Map<String, Object> params = new LinkedHashMap<>();
    if (!query.isEmpty()) {
      params.put("q", query);
    }
    if (state != null) {
      params.put("state", state.key());
    }
    if (number > 0) {
      params.put("page", number);
    }
    var builder = UriComponentsBuilder.fromPath("/");
    params.forEach(builder::queryParam);
    return builder.encode().build().toUriString();
  }
}

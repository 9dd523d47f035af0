package io.upwatch.api.dashboard;

import io.upwatch.api.status.MonitorChoice;
import io.upwatch.api.status.StatusPageRequest;
import io.upwatch.api.status.StatusPageResponse;
import io.upwatch.api.url.MonitoredUrl;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The status page form as the browser sends it: every monitor of the user is a row, ticked or not,
 * with the name the public sees and whether its address is shown. Only the ticked rows become the
 * API's request, so the rules and messages are {@link StatusPageRequest}'s.
 *
 * @param slug the page's address
 * @param title its heading
 * @param monitors one row per monitor of the user, the page's own first and in their order
 */
public record StatusPageForm(String slug, String title, List<Row> monitors) {

  /**
   * One monitor in the form.
   *
   * @param urlId the monitor
   * @param chosen ticked: shown on the page
   * @param displayName the name the public sees
   * @param showTarget ticked: the monitor's address is shown too
   */
  public record Row(Long urlId, Boolean chosen, String displayName, Boolean showTarget) {

    public boolean isChosen() {
      return Boolean.TRUE.equals(chosen);
    }
  }

  static StatusPageForm blank(List<MonitoredUrl> urls) {
    return new StatusPageForm("", "", rest(urls, Set.of(), new ArrayList<>()));
  }

  static StatusPageForm of(StatusPageResponse page, List<MonitoredUrl> urls) {
    List<Row> rows = new ArrayList<>();
    Set<Long> shown = new HashSet<>();
    for (StatusPageResponse.Monitor monitor : page.monitors()) {
      rows.add(new Row(monitor.urlId(), true, monitor.displayName(), monitor.showTarget()));
      shown.add(monitor.urlId());
    }
    return new StatusPageForm(page.slug(), page.title(), rest(urls, shown, rows));
  }

  /** The rows as sent; none when the browser sent none. */
  public List<Row> rows() {
    return monitors == null ? List.of() : monitors;
  }

  /** The request the ticked rows make, in the form's order. */
  StatusPageRequest toRequest() {
    return new StatusPageRequest(
        slug,
        title,
        chosenRows().stream()
            .map(row -> new MonitorChoice(row.urlId(), row.displayName(), row.showTarget()))
            .toList());
  }

  /** The index in {@link #monitors} of the request's {@code choice}-th monitor. */
  int rowOf(int choice) {
    int seen = -1;
    for (int i = 0; i < rows().size(); i++) {
      if (rows().get(i) != null && rows().get(i).isChosen() && ++seen == choice) {
        return i;
      }
    }
    return -1;
  }

  private List<Row> chosenRows() {
    return rows().stream().filter(row -> row != null && row.isChosen()).toList();
  }

  // Up to MAX_OFFERED other monitors, unticked, named as the user named them.
  private static List<Row> rest(List<MonitoredUrl> urls, Set<Long> shown, List<Row> rows) {
    int offered = 0;
    for (MonitoredUrl url : urls) {
      if (!shown.contains(url.getId()) && offered++ < StatusPagePages.MAX_OFFERED) {
        rows.add(new Row(url.getId(), false, url.getName(), false));
      }
    }
    return rows;
  }
}

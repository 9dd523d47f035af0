package io.upwatch.api.dashboard;

import io.swagger.v3.oas.annotations.Hidden;
import io.upwatch.api.alert.AlertService;
import io.upwatch.api.badge.BadgeTokens;
import io.upwatch.api.check.CheckResponse;
import io.upwatch.api.check.CheckService;
import io.upwatch.api.heartbeat.PingUrls;
import io.upwatch.api.security.CurrentUser;
import io.upwatch.api.url.MonitorKind;
import io.upwatch.api.url.MonitoredUrl;
import io.upwatch.api.url.RegisterUrlRequest;
import io.upwatch.api.url.UpdateUrlRequest;
import io.upwatch.api.url.UrlResponse;
import io.upwatch.api.url.UrlService;
import io.upwatch.api.web.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** One monitor: its chart, checks and alerts; editing, pausing, resuming and deleting it. */
@Hidden
@Controller
class MonitorDetailPages {

  private static final int RECENT_CHECKS = 20;
  private static final int RECENT_ALERTS = 20;

  private final UrlService urls;
  private final CheckService checks;
  private final AlertService alerts;
  private final List<ResponseTimeSeries> series;
  private final BadgeTokens badges;
  private final Clock clock;

  private final PingUrls pingUrls;

  MonitorDetailPages(
      UrlService urls,
      CheckService checks,
      AlertService alerts,
      List<ResponseTimeSeries> series,
      BadgeTokens badges,
      PingUrls pingUrls,
      Clock clock) {
    this.urls = urls;
    this.pingUrls = pingUrls;
    this.checks = checks;
    this.alerts = alerts;
    this.series = series;
    this.badges = badges;
    this.clock = clock;
  }

  @GetMapping("/monitors/{id}")
  String show(
      CurrentUser user,
      @PathVariable long id,
      @RequestParam(required = false) String window,
      Model model) {
    MonitoredUrl url = urls.get(user.id(), id);
    Instant now = clock.instant();
    List<CheckResponse> recent = checks.recent(user.id(), id, RECENT_CHECKS);
    ChartWindow chartWindow = ChartWindow.fromKey(window);
    var alertPage =
        alerts.ofUrl(
            user.id(),
            id,
            PageRequest.of(0, RECENT_ALERTS, Sort.by(Sort.Direction.DESC, "openedAt", "id")));
    model.addAttribute("monitor", UrlResponse.from(url, pingUrls));
    model.addAttribute(
        "state",
        MonitorState.of(url.isEnabled(), recent.isEmpty() ? null : recent.getFirst().success()));
    model.addAttribute("stats", checks.stats(user.id(), id, Duration.ofHours(24)));
    model.addAttribute("window", chartWindow);
    model.addAttribute(
        "windows", Arrays.stream(ChartWindow.values()).filter(this::charted).toList());
    model.addAttribute("chart", chart(id, chartWindow, now));
    model.addAttribute("checks", recent);
    model.addAttribute("hasBadge", badges.exists(id));
    model.addAttribute(
        "alerts", alertPage.getContent().stream().map(a -> AlertLine.of(a, now)).toList());
    return "dashboard/monitor";
  }

  @GetMapping("/monitors/{id}/edit")
  String edit(CurrentUser user, @PathVariable long id, Model model) {
    MonitoredUrl url = urls.get(user.id(), id);
    // A heartbeat has a period and grace instead of a target, interval and timeout: the form does
    // not fit it (the API edits it).
    if (url.getKind() == MonitorKind.HEARTBEAT) {
      return "redirect:/monitors/" + id;
    }
    model.addAttribute("monitorId", id);
    model.addAttribute(
        "form",
        new RegisterUrlRequest(
            url.getName(),
            url.getUrl(),
            url.getThreshold(),
            Math.toIntExact(url.getInterval().toSeconds()),
            Math.toIntExact(Math.max(1, url.getTimeout().toSeconds())),
            Math.toIntExact(url.getFailureWindow().toSeconds()),
            url.getKind(),
            null,
            null,
            null));
    return MonitorPages.FORM_VIEW;
  }

  @PostMapping("/monitors/{id}")
  String update(
      CurrentUser user,
      @PathVariable long id,
      @Valid @ModelAttribute("form") RegisterUrlRequest form,
      BindingResult result,
      Model model,
      HttpServletResponse response) {
    urls.get(user.id(), id);
    if (!result.hasErrors()) {
      try {
        urls.update(user.id(), id, asUpdate(form));
        return "redirect:/monitors/" + id;
      } catch (ApiException refused) {
        FormErrors.reject(result, refused);
      }
    }
    model.addAttribute("monitorId", id);
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return MonitorPages.FORM_VIEW;
  }

  @PostMapping("/monitors/{id}/pause")
  String pause(
      CurrentUser user, @PathVariable long id, @RequestParam(required = false) String back) {
    urls.setEnabled(user.id(), id, false);
    return Redirects.back(back, "/monitors/" + id);
  }

  @PostMapping("/monitors/{id}/resume")
  String resume(
      CurrentUser user, @PathVariable long id, @RequestParam(required = false) String back) {
    urls.setEnabled(user.id(), id, true);
    return Redirects.back(back, "/monitors/" + id);
  }

  @PostMapping("/monitors/{id}/delete")
  String delete(CurrentUser user, @PathVariable long id) {
    urls.delete(user.id(), id);
    return "redirect:/";
  }

  private boolean charted(ChartWindow window) {
    return series.stream().anyMatch(source -> source.covers(window));
  }

  private ResponseTimeChart chart(long urlId, ChartWindow window, Instant now) {
    var points =
        series.stream()
            .filter(source -> source.covers(window))
            .findFirst()
            .map(source -> source.series(urlId, window, now))
            .orElse(List.of());
    return ResponseTimeChart.of(points, window, now);
  }

  private static UpdateUrlRequest asUpdate(RegisterUrlRequest form) {
    return new UpdateUrlRequest(
        form.name(),
        form.url(),
        form.threshold(),
        form.intervalSeconds(),
        form.timeoutSeconds(),
        form.failureWindowSeconds(),
        null,
        null,
        null,
        null);
  }
}

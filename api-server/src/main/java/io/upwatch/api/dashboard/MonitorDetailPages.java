package io.upwatch.api.dashboard;

import io.swagger.v3.oas.annotations.Hidden;
import io.upwatch.api.alert.AlertService;
import io.upwatch.api.badge.BadgeTokens;
import io.upwatch.api.check.CheckResponse;
import io.upwatch.api.check.CheckService;
import io.upwatch.api.heartbeat.PingUrls;
import io.upwatch.api.security.CurrentUser;
import io.upwatch.api.url.HeartbeatRequest;
import io.upwatch.api.url.MonitorKind;
import io.upwatch.api.url.MonitorRegions;
import io.upwatch.api.url.MonitoredUrl;
import io.upwatch.api.url.RegisterUrlRequest;
import io.upwatch.api.url.UpdateUrlRequest;
import io.upwatch.api.url.UrlResponse;
import io.upwatch.api.url.UrlService;
import io.upwatch.api.web.ApiException;
import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.validation.SmartValidator;
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
  private final MonitorRegions regions;
  private final SmartValidator validator;

  MonitorDetailPages(
      UrlService urls,
      CheckService checks,
      AlertService alerts,
      List<ResponseTimeSeries> series,
      BadgeTokens badges,
      PingUrls pingUrls,
      MonitorRegions regions,
      SmartValidator validator,
      Clock clock) {
    this.urls = urls;
    this.regions = regions;
    this.validator = validator;
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
    List<CheckResponse> recent = checks.recent(user.id(), id, RECENT_CHECKS, null);
    ChartWindow chartWindow = ChartWindow.fromKey(window);
    var alertPage =
        alerts.ofUrl(
            user.id(),
            id,
            PageRequest.of(0, RECENT_ALERTS, Sort.by(Sort.Direction.DESC, "openedAt", "id")));
    model.addAttribute("monitor", UrlResponse.from(url, pingUrls, regions));
    model.addAttribute(
        "state",
        MonitorState.of(url.isEnabled(), recent.isEmpty() ? null : recent.getFirst().success()));
    model.addAttribute("stats", checks.stats(user.id(), id, Duration.ofHours(24), null));
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
    model.addAttribute("monitorId", id);
    boolean heartbeat = url.getKind() == MonitorKind.HEARTBEAT;
    model.addAttribute(
        "form",
        new RegisterUrlRequest(
            url.getName(),
            heartbeat ? null : url.getUrl(),
            url.getThreshold(),
            heartbeat ? null : Math.toIntExact(url.getInterval().toSeconds()),
            heartbeat ? null : Math.toIntExact(Math.max(1, url.getTimeout().toSeconds())),
            Math.toIntExact(url.getFailureWindow().toSeconds()),
            url.getKind(),
            null,
            null,
            null,
            url.getRegions(),
            url.getQuorum()));
    return MonitorPages.FORM_VIEW;
  }

  @PostMapping("/monitors/{id}")
  String update(
      CurrentUser user,
      @PathVariable long id,
      @ModelAttribute("form") RegisterUrlRequest form,
      BindingResult result,
      Model model,
      HttpServletResponse response) {
    MonitoredUrl url = urls.get(user.id(), id);
    // Checked as a request of the monitor's own kind (the form posts none, and a posted one is not
    // trusted): a TCP target is no http URL, and a heartbeat has no target, interval or timeout.
    // No form when a value did not convert (the binding result already says which).
    if (form != null) {
      validator.validate(asKindOf(url, form), result);
    }
    if (!result.hasErrors()) {
      try {
        urls.update(user.id(), id, asUpdate(url, form));
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

  // A heartbeat's period and grace are not on the form: its stored ones stand in for the check.
  private static RegisterUrlRequest asKindOf(MonitoredUrl url, RegisterUrlRequest form) {
    var heartbeat =
        url.getKind() == MonitorKind.HEARTBEAT
            ? new HeartbeatRequest(
                Math.toIntExact(url.getInterval().toSeconds()),
                Math.toIntExact(url.getGrace().toSeconds()))
            : null;
    return new RegisterUrlRequest(
        form.name(),
        form.url(),
        form.threshold(),
        form.intervalSeconds(),
        form.timeoutSeconds(),
        form.failureWindowSeconds(),
        url.getKind(),
        null,
        null,
        heartbeat,
        heartbeat == null ? form.regions() : null,
        heartbeat == null ? form.quorum() : null);
  }

  // The form posts its whole state: no region ticked is every region, an empty quorum a majority.
  private static UpdateUrlRequest asUpdate(MonitoredUrl url, RegisterUrlRequest form) {
    boolean heartbeat = url.getKind() == MonitorKind.HEARTBEAT;
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
        null,
        heartbeat ? null : form.regions() == null ? List.of() : form.regions(),
        heartbeat ? null : form.quorum());
  }
}

package io.upwatch.api.dashboard;

import io.swagger.v3.oas.annotations.Hidden;
import io.upwatch.api.security.CurrentUser;
import io.upwatch.api.url.RegisterUrlRequest;
import io.upwatch.api.url.UrlService;
import io.upwatch.api.user.Credentials;
import io.upwatch.api.web.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The monitors list (the dashboard's home) and creating monitors. Writes go through {@link
 * UrlService}, so they are validated exactly as the API's.
 */
@Hidden
@Controller
class MonitorPages {

  static final String FORM_VIEW = "dashboard/monitor-form";

  private final MonitorListQueries list;
  private final UrlService urls;
  private final Clock clock;

  MonitorPages(MonitorListQueries list, UrlService urls, Clock clock) {
    this.list = list;
    this.urls = urls;
    this.clock = clock;
  }

  @GetMapping("/")
  String home(
      @RequestParam(name = "q", required = false) String query,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) Integer page,
      Model model) {
    var viewer = Viewer.current();
    if (viewer.isEmpty()) {
      model.addAttribute("form", new Credentials("", ""));
      return AuthPages.SIGN_IN_VIEW;
    }
    var filter = MonitorFilter.of(query, state, page);
    model.addAttribute("page", list.page(viewer.get().id(), filter, clock.instant()));
    model.addAttribute("states", MonitorState.values());
    return "dashboard/monitors";
  }

  @GetMapping("/monitors/new")
  String newMonitor(Model model) {
    model.addAttribute("form", new RegisterUrlRequest("", "https://", 3, 60, 10, 300));
    return FORM_VIEW;
  }

  @PostMapping("/monitors")
  String create(
      CurrentUser user,
      @Valid @ModelAttribute("form") RegisterUrlRequest form,
      BindingResult result,
      HttpServletResponse response) {
    if (!result.hasErrors()) {
      try {
        return "redirect:/monitors/" + urls.register(user.id(), form).getId();
      } catch (ApiException refused) {
        FormErrors.reject(result, refused);
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return FORM_VIEW;
  }
}

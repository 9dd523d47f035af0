package io.upwatch.api.dashboard;

import io.swagger.v3.oas.annotations.Hidden;
import io.upwatch.api.security.CurrentUser;
import io.upwatch.api.status.StatusPageRequest;
import io.upwatch.api.status.StatusPageResponse;
import io.upwatch.api.status.StatusPageService;
import io.upwatch.api.url.MonitoredUrl;
import io.upwatch.api.url.UrlService;
import io.upwatch.api.web.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.SmartValidator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The user's public status pages: list, publish, edit, unpublish, all through {@link
 * StatusPageService} and checked as the API's requests, so the rules are the API's.
 */
@Hidden
@Controller
class StatusPagePages {

  private static final String FORM_VIEW = "dashboard/status-page-form";

  /**
   * Monitors offered besides the page's own. Bounded so that the form stays readable and its post
   * stays under the servlet container's parameter limit (Tomcat's default is 1,000; each row sends
   * up to four): the page's own (at most 100) plus these make at most 800.
   */
  static final int MAX_OFFERED = 100;

  private final StatusPageService pages;
  private final UrlService urls;
  private final SmartValidator validator;

  StatusPagePages(StatusPageService pages, UrlService urls, SmartValidator validator) {
    this.pages = pages;
    this.urls = urls;
    this.validator = validator;
  }

  @GetMapping("/status-pages")
  String list(CurrentUser user, Model model) {
    model.addAttribute(
        "pages", pages.list(user.id()).stream().map(StatusPageResponse::from).toList());
    return "dashboard/status-pages";
  }

  @GetMapping("/status-pages/new")
  String newPage(CurrentUser user, @RequestParam(required = false) String q, Model model) {
    var offered = offered(user, q);
    model.addAttribute("q", q);
    model.addAttribute("truncated", offered.size() > MAX_OFFERED);
    return form(user, model, StatusPageForm.blank(offered), null);
  }

  @PostMapping("/status-pages")
  String create(
      CurrentUser user,
      @ModelAttribute("form") StatusPageForm form,
      BindingResult result,
      Model model,
      HttpServletResponse response) {
    if (save(form, result, () -> pages.create(user.id(), form.toRequest()).getId())) {
      return "redirect:/status-pages";
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return form(user, model, form, null);
  }

  @GetMapping("/status-pages/{id}/edit")
  String edit(
      CurrentUser user,
      @PathVariable long id,
      @RequestParam(required = false) String q,
      Model model) {
    var page = StatusPageResponse.from(pages.get(user.id(), id));
    var offered = offered(user, q);
    var form = StatusPageForm.of(page, offered);
    model.addAttribute("q", q);
    model.addAttribute(
        "truncated", form.rows().size() - page.monitors().size() < offeredBesides(page, offered));
    return form(user, model, form, page);
  }

  @PostMapping("/status-pages/{id}")
  String update(
      CurrentUser user,
      @PathVariable long id,
      @ModelAttribute("form") StatusPageForm form,
      BindingResult result,
      Model model,
      HttpServletResponse response) {
    var page = StatusPageResponse.from(pages.get(user.id(), id));
    if (save(form, result, () -> pages.replace(user.id(), id, form.toRequest()).getId())) {
      return "redirect:/status-pages";
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return form(user, model, form, page);
  }

  @PostMapping("/status-pages/{id}/delete")
  String delete(CurrentUser user, @PathVariable long id) {
    pages.delete(user.id(), id);
    return "redirect:/status-pages";
  }

  /** The user's monitors whose name or address contains the filter, in id order (the form's). */
  private List<MonitoredUrl> offered(CurrentUser user, String filter) {
    String needle = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
    return urls.listAll(user.id()).stream()
        .filter(
            url ->
                url.getName().toLowerCase(Locale.ROOT).contains(needle)
                    || url.getUrl().toLowerCase(Locale.ROOT).contains(needle))
        .toList();
  }

  private static long offeredBesides(StatusPageResponse page, List<MonitoredUrl> offered) {
    var onPage = page.monitors().stream().map(StatusPageResponse.Monitor::urlId).toList();
    return offered.stream().filter(url -> !onPage.contains(url.getId())).count();
  }

  /** True once saved; false when the form must be shown again with its errors. */
  private boolean save(StatusPageForm form, BindingResult result, Supplier<Long> write) {
    StatusPageRequest request = form.toRequest();
    var checked = new BeanPropertyBindingResult(request, "request");
    validator.validate(request, checked);
    StatusPageFormErrors.copy(checked, form, result);
    if (result.hasErrors()) {
      return false;
    }
    try {
      write.get();
      return true;
    } catch (ApiException refused) {
      FormErrors.reject(result, refused);
      return false;
    }
  }

  private String form(CurrentUser user, Model model, StatusPageForm form, StatusPageResponse page) {
    Map<Long, MonitoredUrl> byId = new LinkedHashMap<>();
    urls.listAll(user.id()).forEach(url -> byId.put(url.getId(), url));
    model.addAttribute("form", form);
    model.addAttribute("page", page);
    model.addAttribute("urls", byId);
    model.addAttribute("maxMonitors", StatusPageRequest.MAX_MONITORS);
    model.addAttribute("maxOffered", MAX_OFFERED);
    return FORM_VIEW;
  }
}

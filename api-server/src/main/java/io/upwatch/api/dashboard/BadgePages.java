package io.upwatch.api.dashboard;

import io.swagger.v3.oas.annotations.Hidden;
import io.upwatch.api.badge.BadgeResponse;
import io.upwatch.api.badge.BadgeTokens;
import io.upwatch.api.security.CurrentUser;
import io.upwatch.api.url.UrlNotFound;
import io.upwatch.api.url.UrlService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A monitor's badge token: created or rotated by a post whose answer is the only page that ever
 * shows the token (only its digest is stored), and revoked.
 */
@Hidden
@Controller
class BadgePages {

  private final UrlService urls;
  private final BadgeTokens tokens;

  BadgePages(UrlService urls, BadgeTokens tokens) {
    this.urls = urls;
    this.tokens = tokens;
  }

  // Answered with the page, not a redirect: the token cannot be read again after this response.
  @PostMapping("/monitors/{id}/badge")
  String issue(CurrentUser user, @PathVariable long id, Model model) {
    var url = urls.get(user.id(), id);
    var issued = tokens.issue(user.id(), id).orElseThrow(UrlNotFound::new);
    String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    model.addAttribute("monitorId", id);
    model.addAttribute("monitorName", url.getName());
    model.addAttribute("rotated", !issued.created());
    model.addAttribute("badge", BadgeResponse.of(base, issued.token()));
    return "dashboard/badge";
  }

  @PostMapping("/monitors/{id}/badge/delete")
  String revoke(CurrentUser user, @PathVariable long id) {
    tokens.revoke(urls.get(user.id(), id).getId());
    return "redirect:/monitors/" + id;
  }
}

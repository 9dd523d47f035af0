package io.upwatch.api.dashboard;

import io.swagger.v3.oas.annotations.Hidden;
import io.upwatch.api.channel.ChannelResponse;
import io.upwatch.api.channel.ChannelService;
import io.upwatch.api.security.CurrentUser;
import io.upwatch.api.url.UrlService;
import io.upwatch.api.web.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.SmartValidator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Notification channels: list, create, edit, delete, send a test and read the delivery history, all
 * through {@link ChannelService} and checked as the API's requests.
 */
@Hidden
@Controller
class ChannelPages {

  private static final String FORM_VIEW = "dashboard/channel-form";
  private static final int HISTORY_PAGE = 20;

  private final ChannelService channels;
  private final UrlService urls;
  private final SmartValidator validator;

  ChannelPages(ChannelService channels, UrlService urls, SmartValidator validator) {
    this.channels = channels;
    this.urls = urls;
    this.validator = validator;
  }

  @GetMapping("/channels")
  String list(CurrentUser user, Model model) {
    model.addAttribute(
        "channels", channels.list(user.id()).stream().map(ChannelResponse::from).toList());
    return "dashboard/channels";
  }

  @GetMapping("/channels/new")
  String newChannel(CurrentUser user, Model model) {
    return form(user, model, ChannelForm.blank(), null);
  }

  @PostMapping("/channels")
  String create(
      CurrentUser user,
      @ModelAttribute("form") ChannelForm form,
      BindingResult result,
      Model model,
      HttpServletResponse response) {
    String done =
        save(
            form,
            result,
            form::toCreate,
            () -> channels.create(user.id(), form.toCreate()).getId());
    if (done != null) {
      return done;
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return form(user, model, form, null);
  }

  @GetMapping("/channels/{id}")
  String show(
      CurrentUser user,
      @PathVariable long id,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(required = false) Long tested,
      Model model) {
    ChannelResponse channel = ChannelResponse.from(channels.get(user.id(), id));
    var history =
        channels.deliveries(
            user.id(), id, PageRequest.of(Math.clamp(page, 0, 100_000), HISTORY_PAGE));
    model.addAttribute("channel", channel);
    model.addAttribute("history", history);
    model.addAttribute(
        "tested",
        tested == null
            ? null
            : history.getContent().stream()
                .filter(delivery -> delivery.id() == tested)
                .findFirst()
                .orElse(null));
    return "dashboard/channel";
  }

  @GetMapping("/channels/{id}/edit")
  String edit(CurrentUser user, @PathVariable long id, Model model) {
    ChannelResponse channel = ChannelResponse.from(channels.get(user.id(), id));
    return form(user, model, ChannelForm.of(channel), channel);
  }

  @PostMapping("/channels/{id}")
  String update(
      CurrentUser user,
      @PathVariable long id,
      @ModelAttribute("form") ChannelForm form,
      BindingResult result,
      Model model,
      HttpServletResponse response) {
    ChannelResponse channel = ChannelResponse.from(channels.get(user.id(), id));
    String done =
        save(
            form,
            result,
            form::toUpdate,
            () -> channels.update(user.id(), id, form.toUpdate()).getId());
    if (done != null) {
      return done;
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return form(user, model, form, channel);
  }

  @PostMapping("/channels/{id}/test")
  String test(CurrentUser user, @PathVariable long id) {
    long delivery = channels.sendTest(user.id(), id).deliveryId();
    return "redirect:/channels/" + id + "?tested=" + delivery;
  }

  @PostMapping("/channels/{id}/delete")
  String delete(CurrentUser user, @PathVariable long id) {
    channels.delete(user.id(), id);
    return "redirect:/channels";
  }

  /** The channel's page after a save, or null when the form must be shown again with errors. */
  private String save(
      ChannelForm form, BindingResult result, Supplier<Object> request, Supplier<Long> write) {
    validator.validate(request.get(), result);
    if (form.choosesNothing()) {
      result.rejectValue("urlIds", "empty", "choose at least one monitor, or all of them");
    }
    if (result.hasErrors()) {
      return null;
    }
    try {
      return "redirect:/channels/" + write.get();
    } catch (ApiException refused) {
      FormErrors.reject(result, refused);
      return null;
    }
  }

  private String form(CurrentUser user, Model model, ChannelForm form, ChannelResponse channel) {
    model.addAttribute("form", form);
    model.addAttribute("channel", channel);
    model.addAttribute("monitors", urls.listAll(user.id()));
    return FORM_VIEW;
  }
}

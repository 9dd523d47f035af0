package io.upwatch.api.dashboard;

import io.swagger.v3.oas.annotations.Hidden;
import io.upwatch.api.security.SessionCookie;
import io.upwatch.api.user.Credentials;
import io.upwatch.api.user.UserService;
import io.upwatch.api.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Sign-in, sign-up and sign-out pages. Both forms go through {@link UserService}, so the login
 * throttle and the API's validation apply to them as to the JSON routes.
 */
@Hidden
@Controller
class AuthPages {

  static final String SIGN_IN_VIEW = "dashboard/sign-in";

  private final UserService users;
  private final SessionCookie cookie;

  AuthPages(UserService users, SessionCookie cookie) {
    this.users = users;
    this.cookie = cookie;
  }

  @GetMapping("/sign-in")
  String signInPage(Model model) {
    model.addAttribute("form", new Credentials("", ""));
    return SIGN_IN_VIEW;
  }

  @PostMapping("/sign-in")
  String signIn(
      @Valid @ModelAttribute("form") Credentials form,
      BindingResult result,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (result.hasErrors()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return SIGN_IN_VIEW;
    }
    try {
      cookie.issue(request, response, users.logIn(form, request.getRemoteAddr()));
    } catch (ApiException refused) {
      // Wrong password, throttled or throttle unavailable: the API's status and words.
      response.setStatus(refused.status().value());
      result.reject(refused.type(), refused.getMessage());
      return SIGN_IN_VIEW;
    }
    return "redirect:/";
  }

  @GetMapping("/sign-up")
  String signUpPage(Model model) {
    model.addAttribute("form", new Credentials("", ""));
    return "dashboard/sign-up";
  }

  @PostMapping("/sign-up")
  String signUp(
      @Valid @ModelAttribute("form") Credentials form,
      BindingResult result,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (!result.hasErrors()) {
      try {
        users.signUp(form);
        cookie.issue(request, response, users.logIn(form, request.getRemoteAddr()));
        return "redirect:/";
      } catch (ApiException refused) {
        FormErrors.reject(result, refused);
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return "dashboard/sign-up";
  }

  @PostMapping("/sign-out")
  String signOut(HttpServletRequest request, HttpServletResponse response) {
    cookie.clear(request, response);
    return "redirect:/sign-in";
  }
}

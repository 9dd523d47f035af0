package io.upwatch.api.dashboard;

import io.swagger.v3.oas.annotations.Hidden;
import io.upwatch.api.web.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of the dashboard's pages as pages, with the API's status and words (a person reads them,
 * not a script: the JSON API keeps its problem+json). Ahead of the API's handler, which would
 * otherwise answer a browser with JSON.
 */
@Hidden
@ControllerAdvice(basePackageClasses = DashboardErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DashboardErrors {

  private static final Logger log = LoggerFactory.getLogger(DashboardErrors.class);
  private static final String VIEW = "dashboard/error";

  @ExceptionHandler(ApiException.class)
  String refused(ApiException refusal, Model model, HttpServletResponse response) {
    return page(response, model, refusal.status().value(), refusal.getMessage());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  String noSuchPage(Model model, HttpServletResponse response) {
    return page(response, model, HttpServletResponse.SC_NOT_FOUND, "There is no such page.");
  }

  @ExceptionHandler({
    CannotCreateTransactionException.class,
    DataAccessResourceFailureException.class,
    TransientDataAccessException.class
  })
  String unavailable(Exception exception, Model model, HttpServletResponse response) {
    log.warn("A dependency is unavailable: {}", exception.getMessage());
    response.setHeader("Retry-After", "5");
    return page(
        response,
        model,
        HttpServletResponse.SC_SERVICE_UNAVAILABLE,
        "A backing service is temporarily unavailable; nothing was changed. Try again shortly.");
  }

  @ExceptionHandler(Exception.class)
  String unexpected(Exception exception, Model model, HttpServletResponse response) {
    if (exception instanceof ErrorResponse framework
        && framework.getStatusCode().is4xxClientError()) {
      // The request's fault, detected by Spring MVC (a missing parameter, a wrong method...).
      return page(
          response,
          model,
          framework.getStatusCode().value(),
          "This request cannot be handled: " + framework.getBody().getDetail());
    }
    log.error("Unexpected error on a dashboard page", exception);
    return page(
        response,
        model,
        HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
        "An unexpected error occurred; it has been logged.");
  }

  private static String page(
      HttpServletResponse response, Model model, int status, String message) {
    response.setStatus(status);
    model.addAttribute("status", status);
    model.addAttribute("message", message);
    return VIEW;
  }
}

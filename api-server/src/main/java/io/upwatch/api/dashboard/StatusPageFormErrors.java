package io.upwatch.api.dashboard;

import java.util.regex.Pattern;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Moves the API request's validation errors onto the status page form. The request lists only the
 * ticked monitors, the form every monitor, so {@code monitors[2].displayName} of the request is the
 * row of the form where the third tick is.
 */
final class StatusPageFormErrors {

  private static final Pattern ROW = Pattern.compile("monitors\\[(\\d+)](\\..+)?");

  private StatusPageFormErrors() {}

  static void copy(Errors checked, StatusPageForm form, BindingResult result) {
    for (ObjectError error : checked.getAllErrors()) {
      String field = error instanceof FieldError fieldError ? formField(fieldError, form) : null;
      if (field == null) {
        result.reject(code(error), error.getDefaultMessage());
      } else {
        result.rejectValue(field, code(error), error.getDefaultMessage());
      }
    }
  }

  private static String formField(FieldError error, StatusPageForm form) {
    var row = ROW.matcher(error.getField());
    if (!row.matches()) {
      return error.getField();
    }
    int index = form.rowOf(Integer.parseInt(row.group(1)));
    if (index < 0) {
      return "monitors";
    }
    return "monitors[" + index + "]" + (row.group(2) == null ? "" : row.group(2));
  }

  private static String code(ObjectError error) {
    return error.getCode() == null ? "invalid" : error.getCode();
  }
}

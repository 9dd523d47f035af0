package io.upwatch.api.dashboard;

import io.upwatch.api.web.ApiException;
import java.util.List;
import java.util.Map;
import org.springframework.validation.BindingResult;

/**
 * Puts a service's refusal beside the form's inputs, in the API's words: the field errors an {@link
 * ApiException} carries go to their fields, a name already taken to the name field, anything else
 * above the form.
 */
final class FormErrors {

  // Conflicts the API reports as a 409 about one field.
  private static final Map<String, String> TAKEN =
      Map.of(
          "url-name-taken", "name",
          "channel-name-taken", "name",
          "username-taken", "username",
          "slug-taken", "slug");

  private FormErrors() {}

  static void reject(BindingResult form, ApiException refusal) {
    if (refusal.properties().get("errors") instanceof List<?> errors && !errors.isEmpty()) {
      for (Object error : errors) {
        if (error instanceof Map<?, ?> fieldError && hasField(form, fieldError.get("field"))) {
          form.rejectValue(
              (String) fieldError.get("field"), refusal.type(), (String) fieldError.get("message"));
        } else {
          form.reject(refusal.type(), refusal.getMessage());
        }
      }
      return;
    }
    String taken = TAKEN.get(refusal.type());
    if (hasField(form, taken)) {
      form.rejectValue(taken, refusal.type(), refusal.getMessage());
      return;
    }
    form.reject(refusal.type(), refusal.getMessage());
  }

  private static boolean hasField(BindingResult form, Object field) {
    return field instanceof String name && form.getFieldType(name) != null;
  }
}

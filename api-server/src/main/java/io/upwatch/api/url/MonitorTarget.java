package io.upwatch.api.url;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A registration's {@code url} is a target of its {@code kind} ({@link MonitorTargets}); reported
 * on the {@code url} field.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = MonitorTarget.Validator.class)
@interface MonitorTarget {

  String message() default "is not a valid target for the kind";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks the URL with {@link MonitorTargets#normalize} and reports its reason on {@code url}. */
  class Validator implements ConstraintValidator<MonitorTarget, RegisterUrlRequest> {

    @Override
    public boolean isValid(RegisterUrlRequest request, ConstraintValidatorContext context) {
      // A heartbeat has no target: KindFields reports a url given to one.
      if (request == null
          || request.kind() == MonitorKind.HEARTBEAT
          || request.url() == null
          || request.url().isBlank()) {
        return true;
      }
      try {
        MonitorTargets.normalize(request.kindOrHttp(), request.url());
        return true;
      } catch (IllegalArgumentException e) {
        context.disableDefaultConstraintViolation();
        context
            .buildConstraintViolationWithTemplate(e.getMessage())
            .addPropertyNode("url")
            .addConstraintViolation();
        return false;
      }
    }
  }
}

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
 * The registration has the fields its kind needs and none it cannot use: a URL and threshold for
 * HTTP, TCP and DNS, a {@code heartbeat} (with its period) and no target, interval, timeout,
 * regions or quorum for HEARTBEAT. Each problem is reported on its field, alongside the fields' own
 * constraints.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KindFields.Validator.class)
@interface KindFields {

  String message() default "does not fit the monitor's kind";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Reports every field that does not fit the request's kind. */
  class Validator implements ConstraintValidator<KindFields, RegisterUrlRequest> {

    @Override
    public boolean isValid(RegisterUrlRequest request, ConstraintValidatorContext context) {
      context.disableDefaultConstraintViolation();
      var check = new Check(context);
      if (request.kind() == MonitorKind.HEARTBEAT) {
        check.that(request.url() == null, "url", MonitorRequests.NO_TARGET);
        check.that(
            request.intervalSeconds() == null, "intervalSeconds", MonitorRequests.NO_INTERVAL);
        check.that(request.timeoutSeconds() == null, "timeoutSeconds", MonitorRequests.NO_TIMEOUT);
        check.that(
            request.heartbeat() != null, "heartbeat", "must not be null (set its periodSeconds)");
        check.that(request.http() == null, "http", "applies to kind HTTP only");
        check.that(request.dns() == null, "dns", "applies to kind DNS only");
        check.that(request.regions() == null, "regions", MonitorRequests.NO_REGIONS);
        check.that(request.quorum() == null, "quorum", MonitorRequests.NO_REGIONS);
        check.that(
            request.heartbeat() == null || request.heartbeat().periodSeconds() != null,
            "heartbeat.periodSeconds",
            "must not be null");
      } else {
        check.that(request.url() != null && !request.url().isBlank(), "url", "must not be blank");
        check.that(request.threshold() != null, "threshold", "must not be null");
        check.that(request.heartbeat() == null, "heartbeat", MonitorRequests.ONLY_HEARTBEAT);
      }
      return check.valid;
    }

    private static final class Check {
      private final ConstraintValidatorContext context;
      private boolean valid = true;

      Check(ConstraintValidatorContext context) {
        this.context = context;
      }

      void that(boolean condition, String field, String message) {
        if (!condition) {
          valid = false;
          context
              .buildConstraintViolationWithTemplate(message)
              .addPropertyNode(field)
              .addConstraintViolation();
        }
      }
    }
  }
}

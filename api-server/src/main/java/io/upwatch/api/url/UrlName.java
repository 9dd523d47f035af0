package io.upwatch.api.url;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A URL's name: 1-64 letters, digits, '_', '.' or '-'; null is valid. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@Pattern(regexp = "[\\p{L}\\p{N}_.-]{1,64}")
@interface UrlName {

  String message() default "must be 1-64 letters, digits, '_', '.' or '-'";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}

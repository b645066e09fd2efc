package org.landfall.intake.rest;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;

/** A text without control characters: a NUL byte would otherwise reach PostgreSQL, which refuses it (a 500). */
@Pattern(regexp = "[^\\p{Cntrl}]*", message = "{landfall.singleLine}")
@Constraint(validatedBy = {})
@Documented
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface SingleLine {

    String message() default "{landfall.singleLine}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

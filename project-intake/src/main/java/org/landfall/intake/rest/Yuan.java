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
import jakarta.validation.OverridesAttribute;
import jakarta.validation.Payload;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;

/**
 * An amount in yuan as the contract allows it: 0 < amount <= 10^13, at most 2 decimals. A plan or a target may be
 * 0 ({@code zeroAllowed}, with the message said accordingly in {@code belowMinimum}). The messages are keys of
 * ValidationMessages.properties (and its zh_CN twin).
 */
@DecimalMin(value = "0", inclusive = false, message = "{landfall.yuan.positive}")
@DecimalMax(value = "10000000000000", message = "{landfall.yuan.max}")
@Digits(integer = 14, fraction = 2, message = "{landfall.yuan.decimals}")
@Constraint(validatedBy = {})
@Documented
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface Yuan {

    String message() default "{landfall.yuan}";

    @OverridesAttribute(constraint = DecimalMin.class, name = "inclusive")
    boolean zeroAllowed() default false;

    @OverridesAttribute(constraint = DecimalMin.class, name = "message")
    String belowMinimum() default "{landfall.yuan.positive}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

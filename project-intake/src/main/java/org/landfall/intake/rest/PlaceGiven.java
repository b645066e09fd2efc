package org.landfall.intake.rest;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A contract names where it is: its {@code regionCode}, or else its province and city (each missing one is an
 * error on its own field, with Bean Validation's message for a blank value).
 */
@Constraint(validatedBy = PlaceGiven.Check.class)
@Documented
@Target(TYPE)
@Retention(RUNTIME)
public @interface PlaceGiven {

    String message() default "{jakarta.validation.constraints.NotBlank.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<PlaceGiven, NewProject> {

        @Override
        public boolean isValid(NewProject contract, ConstraintValidatorContext context) {
            if (contract == null || !blank(contract.regionCode())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            if (blank(contract.province())) {
                missing(context, "province");
                valid = false;
            }
            if (blank(contract.city())) {
                missing(context, "city");
                valid = false;
            }
            return valid;
        }

        private static void missing(ConstraintValidatorContext context, String field) {
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode(field).addConstraintViolation();
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }
}

package org.landfall.platform.rest;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text as a person reads it: no character that shows nothing or other than it is. Refused are the Unicode
 * categories Cc (controls; a NUL would reach PostgreSQL, which refuses it), Cf (format: bidirectional overrides
 * that show a name backwards in a page, a CSV file or an OC4IDS export, zero-width spaces and joiners that make two
 * names look alike, the byte order mark), Zl and Zp (line and paragraph separators), and lone surrogates. A
 * {@link #multiLine} text (a note, a description) may hold line breaks, {@code \n} and {@code \r}. The message is
 * {@code landfall.plainText} of the service's ValidationMessages.
 */
@Constraint(validatedBy = PlainText.Check.class)
@Documented
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface PlainText {

    String message() default "{landfall.plainText}";

    /** Whether line breaks are text here. */
    boolean multiLine() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The validator of {@link PlainText}. */
    class Check implements ConstraintValidator<PlainText, CharSequence> {

        /** Whether {@code text} holds nothing {@link PlainText} refuses. */
        public static boolean plain(CharSequence text, boolean multiLine) {
            return text.codePoints().allMatch(c -> (multiLine && (c == '\n' || c == '\r')) || switch (Character.getType(c)) {
                case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                     Character.SURROGATE -> false;
                default -> true;
            });
        }

        private boolean multiLine;

        @Override
        public void initialize(PlainText annotation) {
            multiLine = annotation.multiLine();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || plain(value, multiLine);
        }
    }
}

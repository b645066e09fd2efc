package org.landfall.platform.problem;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One broken rule of a request, named by the JSON path of its field ({@code phases[1].investment}). In a file
 * upload, {@code line} is the line of the file where the refused row starts; {@code field} is absent when the
 * row as a whole is at fault (a duplicate, too many cells).
 */
public record FieldError(Integer line, String field, Text message) {

    /** By field, then by what the message says (in English, so that the order is the same in every language). */
    public static final Comparator<FieldError> BY_FIELD = Comparator.comparing(FieldError::field)
            .thenComparing(e -> e.message().in(Languages.ENGLISH));

    public FieldError(String field, Text message) {
        this(null, field, message);
    }

    /** This error as the problem's {@code errors} show it: line, field (each if any) and the message said. */
    Map<String, Object> said(Locale language) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (line != null) {
            body.put("line", line);
        }
        if (field != null) {
            body.put("field", field);
        }
        body.put("message", message.in(language));
        return body;
    }
}

package org.landfall.platform.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.landfall.platform.problem.FieldError;
import org.landfall.platform.problem.ProblemException;

/**
 * Path and query parameters read by hand, so that a bad one gets a problem naming it: a value of the wrong type
 * is a 400, a value out of range a 422, and an id that is not a UUID names no project (404).
 */
public final class Params {

    public static final int MAX_PAGE_SIZE = 200;

    /** A page of a listing: {@code page} from 0, {@code size} 1..200 (default 50). */
    public record Paging(int page, int size) {

        public int offset() {
            return page * size;
        }
    }

    private Params() {
    }

    public static UUID projectId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("no project " + (id.length() > 40 ? id.substring(0, 40) + "…" : id));
        }
    }

    public static Paging paging(String page, String size) {
        int pageNumber = integer("page", page, 0);
        int pageSize = integer("size", size, 50);
        if (pageNumber < 0) {
            throw ProblemException.unprocessable("page", "must be 0 or more");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw ProblemException.unprocessable("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        return new Paging(pageNumber, pageSize);
    }

    public static int integer(String name, String value, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw malformed(name, "must be an integer");
        }
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw malformed(name, "must be a date (YYYY-MM-DD)");
        }
    }

    /** A text filter; blank means none. Control characters could not match anything and PostgreSQL refuses NUL. */
    public static String text(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 200 || !value.matches("[^\\p{Cntrl}]*")) {
            throw ProblemException.unprocessable(name, "must be at most 200 characters, without control characters");
        }
        return value.strip();
    }

    /** A LIKE pattern (escape character {@code \\}) matching any text that contains {@code text}, case-insensitively. */
    public static String containing(String text) {
        return "%" + text.toLowerCase(java.util.Locale.ROOT).replaceAll("([\\\\%_])", "\\\\$1") + "%";
    }

    /** An enumerated filter, such as a stage; blank means none. */
    public static <E extends Enum<E>> E choice(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw malformed(name, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    public static ProblemException malformed(String name, String message) {
        return ProblemException.badRequest(name + ": " + message, List.of(new FieldError(name, message)));
    }
}

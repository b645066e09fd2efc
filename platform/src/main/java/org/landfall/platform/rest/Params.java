package org.landfall.platform.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.landfall.platform.problem.FieldError;
import org.landfall.platform.problem.MessageKey;
import org.landfall.platform.problem.ProblemException;
import org.landfall.platform.problem.ProblemText;
import org.landfall.platform.problem.Text;
import org.landfall.regions.Region;
import org.landfall.regions.Regions;

/**
 * Path and query parameters read by hand, so that a bad one gets a problem naming it: a value of the wrong type
 * is a 400, a value out of range a 422, and an id that is not a UUID names no project (404). Dates and instants
 * are read in the four-digit years of ISO 8601's {@code YYYY-MM-DD}: Java parses years to ±999,999,999, which
 * PostgreSQL cannot hold, so a wider year is malformed (400) before it reaches a query.
 */
public final class Params {

    public static final int MAX_PAGE_SIZE = 200;

    /** The first and last instants a parameter may name: the years 0001 to 9999, in UTC. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    /**
     * A page of a listing: {@code page} from 0, {@code size} 1..200 (default 50), and {@code page * size} within an
     * int, the offset JPA and Panache take (no listing of ours holds more rows).
     */
    public record Paging(int page, int size) {
    }

    private Params() {
    }

    public static UUID projectId(String id) {
        return id(ProblemText.NO_PROJECT, id);
    }

    /**
     * The id of a thing (an update, a blocker, ...) in a path: not a UUID, it names none, a 404 that says
     * {@code noSuch} of the id.
     */
    public static UUID id(MessageKey noSuch, String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(noSuch.with(Text.excerpt(id)));
        }
    }

    public static Paging paging(String page, String size) {
        int pageNumber = integer("page", page, 0);
        int pageSize = integer("size", size, 50);
        if (pageNumber < 0) {
            throw ProblemException.unprocessable("page", ProblemText.MIN_PAGE.with());
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw ProblemException.unprocessable("size", ProblemText.PAGE_SIZE_RANGE.with(MAX_PAGE_SIZE));
        }
        if ((long) pageNumber * pageSize > Integer.MAX_VALUE) {
            throw ProblemException.unprocessable("page",
                    ProblemText.PAGE_TOO_FAR.with(Integer.MAX_VALUE / pageSize, pageSize, Integer.MAX_VALUE));
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
            throw malformed(name, ProblemText.MUST_BE_INTEGER.with());
        }
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.getYear() >= 1 && date.getYear() <= 9999) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw malformed(name, ProblemText.MUST_BE_DATE.with());
    }

    /** An instant read by the caller, refused (400 naming {@code name}) outside the years 0001 to 9999. */
    public static Instant bounded(String name, Instant instant) {
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw malformed(name, ProblemText.INSTANT_RANGE.with(EARLIEST, LATEST));
        }
        return instant;
    }

    /** A text filter; blank means none. What {@link PlainText} refuses could match nothing, and PostgreSQL refuses NUL. */
    public static String text(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 200 || !PlainText.Check.plain(value, false)) {
            throw ProblemException.unprocessable(name, ProblemText.TEXT_FILTER.with());
        }
        return value.strip();
    }

    /** A list of codes separated by commas, such as designations: lower case, each once; blank means none. */
    public static List<String> codes(String name, String value) {
        String list = text(name, value);
        return list == null ? List.of() : Arrays.stream(list.split(",")).map(String::strip).filter(c -> !c.isEmpty())
                .map(c -> c.toLowerCase(Locale.ROOT)).distinct().toList();
    }

    private static final BigDecimal MAX_YUAN = new BigDecimal("10000000000000");

    /**
     * An amount of yuan, such as a value band; blank means none. Not a number: 400; a number that no amount of the
     * contract can be (negative, above 10^13, beyond fen): 422.
     */
    public static BigDecimal amount(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw malformed(name, ProblemText.MUST_BE_AMOUNT.with());
        }
        if (amount.signum() < 0 || amount.compareTo(MAX_YUAN) > 0 || amount.stripTrailingZeros().scale() > 2) {
            throw ProblemException.unprocessable(name, ProblemText.AMOUNT_RANGE.with());
        }
        return amount;
    }

    /** A LIKE pattern (escape character {@code \\}) matching any text that contains {@code text}, case-insensitively. */
    public static String containing(String text) {
        return "%" + text.toLowerCase(Locale.ROOT).replaceAll("([\\\\%_])", "\\\\$1") + "%";
    }

    /** Any of a comma-separated list of an enumeration's constants, in any case (each once); blank means none. */
    public static <E extends Enum<E>> List<E> choices(String name, String value, Class<E> type) {
        return codes(name, value).stream().map(code -> choice(name, code, type)).distinct().toList();
    }

    /** An enumerated filter, such as a stage; blank means none. */
    public static <E extends Enum<E>> E choice(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw malformed(name, ProblemText.MUST_BE_ONE_OF.with(Arrays.toString(type.getEnumConstants())));
        }
    }

    /**
     * A place of the GB/T 2260 catalogue by its code, such as a {@code regionCode} filter; blank means none. A code
     * of no province, city or county is a 400 like the malformed one ({@link #regionCode}): it names nothing.
     */
    public static Region region(String name, String value) {
        String code = regionCode(name, value);
        return code == null ? null : Regions.gbt2260().find(code)
                .orElseThrow(() -> malformed(name, ProblemText.REGION_CODE_UNKNOWN.with()));
    }

    /** A text in the form of a GB/T 2260 code, six digits; blank means none; another form is a 400. */
    public static String regionCode(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String code = value.strip();
        if (!Regions.isCode(code)) {
            throw malformed(name, ProblemText.REGION_CODE_FORMAT.with());
        }
        return code;
    }

    public static ProblemException malformed(String name, Text message) {
        return ProblemException.badRequest(ProblemText.FIELD_MESSAGE.with(name, message), List.of(new FieldError(name, message)));
    }
}

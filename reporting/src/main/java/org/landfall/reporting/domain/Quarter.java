package org.landfall.reporting.domain;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Calendar quarters as ints ({@code year * 4 + quarter - 1}), so ranges and "the next quarter" are arithmetic. */
public final class Quarter {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-Q([1-4])");

    private Quarter() {
    }

    public static int of(LocalDate date) {
        return date.getYear() * 4 + (date.getMonthValue() - 1) / 3;
    }

    /** {@code 2023-Q1}, or -1 when the text is not a quarter. */
    public static int parse(String text) {
        Matcher m = FORMAT.matcher(text.strip().toUpperCase(java.util.Locale.ROOT));
        return m.matches() ? Integer.parseInt(m.group(1)) * 4 + Integer.parseInt(m.group(2)) - 1 : -1;
    }

    public static String format(int quarter) {
        return Math.floorDiv(quarter, 4) + "-Q" + (Math.floorMod(quarter, 4) + 1);
    }

    public static LocalDate lastDay(int quarter) {
        return LocalDate.of(Math.floorDiv(quarter, 4), Math.floorMod(quarter, 4) * 3 + 3, 1).plusMonths(1).minusDays(1);
    }
}

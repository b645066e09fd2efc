package org.landfall.reliability;

import java.time.LocalDate;

/** Quarters as consecutive ints ({@code year * 4 + quarter - 1}) and in their {@code 2023-Q1} spelling. */
final class Quarters {

    private Quarters() {
    }

    static int of(LocalDate date) {
        return date.getYear() * 4 + (date.getMonthValue() - 1) / 3;
    }

    static LocalDate lastDay(int quarter) {
        LocalDate firstOfLastMonth = LocalDate.of(quarter / 4, quarter % 4 * 3 + 3, 1);
        return firstOfLastMonth.withDayOfMonth(firstOfLastMonth.lengthOfMonth());
    }

    static String format(int quarter) {
        return quarter / 4 + "-Q" + (quarter % 4 + 1);
    }

    static int parse(String text) {
        return Integer.parseInt(text.substring(0, 4)) * 4 + Integer.parseInt(text.substring(6)) - 1;
    }
}

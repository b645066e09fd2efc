package org.landfall.reporting.domain;

/**
 * Where the data is: the first and the last quarter ({@code 2023-Q1}) in which anything happened, both null while
 * nothing has. A dashboard opens on the quarters up to {@code last} rather than on the calendar's.
 */
public record DataQuarters(String first, String last) {

    public static DataQuarters of(Integer first, Integer last) {
        return new DataQuarters(first == null ? null : Quarter.format(first), last == null ? null : Quarter.format(last));
    }
}

package org.landfall.reporting.domain;

import java.util.List;

/** The dimensions a report is grouped by; places carry their parents, since names repeat across provinces. */
public enum GroupBy {
    NONE(List.of()),
    PROVINCE(List.of("province")),
    CITY(List.of("province", "city")),
    DISTRICT(List.of("province", "city", "district")),
    SECTOR(List.of("sector")),
    PARK(List.of("park")),
    /** Every dimension: the finest rows, which the live stream reports. */
    ALL(List.of("province", "city", "district", "sector"));

    public final List<String> columns;

    GroupBy(List<String> columns) {
        this.columns = columns;
    }
}

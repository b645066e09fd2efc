package org.landfall.reporting.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The dimensions a report is grouped by; places carry their parents, since names repeat across provinces. A place
 * is grouped by its code where it has one (decision 31), so its key holds the code of each place level too.
 */
public enum GroupBy {
    NONE(List.of()),
    PROVINCE(List.of("province")),
    CITY(List.of("province", "city")),
    DISTRICT(List.of("province", "city", "district")),
    SECTOR(List.of("sector")),
    PARK(List.of("park")),
    /** Every dimension: the finest rows, which the live stream reports. */
    ALL(List.of("province", "city", "district", "sector"));

    /** The row's group field that holds the code of the place it stands for, and the one with its Chinese name. */
    public static final String REGION_CODE = "regionCode", REGION_NAME = "regionName";

    /** The dimensions, as the row's group names them and the tables' columns are called. */
    public final List<String> columns;
    /** How many place levels it groups by (0 to 3). */
    public final int placeDepth;
    /** What tells its groups apart: the columns, then the codes of the place levels. */
    public final List<String> keyColumns;
    /** The fields of a row's group: the columns, and for a grouping by place, the place's code and Chinese name. */
    public final List<String> fields;

    GroupBy(List<String> columns) {
        this.columns = columns;
        this.placeDepth = (int) columns.stream().filter(Place.LEVELS::contains).count();
        List<String> key = new ArrayList<>(columns);
        Place.LEVELS.subList(0, placeDepth).forEach(level -> key.add(Place.codeColumn(level)));
        this.keyColumns = List.copyOf(key);
        List<String> shown = new ArrayList<>(columns);
        if (placeDepth > 0) {
            shown.addAll(List.of(REGION_CODE, REGION_NAME));
        }
        this.fields = List.copyOf(shown);
    }
}

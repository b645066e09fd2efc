package org.landfall.reliability;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of the report: the selection it was asked with ({@link Selection#label()}, "" for all projects), a
 * grouping, the group's values in the grouping's columns, a quarter.
 */
public record RowKey(String selection, String groupBy, List<String> group, int quarter) {

    /** The report's groupings and their columns; places carry their parents. */
    static final List<String> GROUPINGS = List.of("none", "province", "city", "district", "sector", "park");

    static List<String> columns(String groupBy) {
        return switch (groupBy) {
            case "none" -> List.of();
            case "province" -> List.of("province");
            case "city" -> List.of("province", "city");
            case "district" -> List.of("province", "city", "district");
            case "sector" -> List.of("sector");
            case "park" -> List.of("park");
            default -> throw new IllegalArgumentException(groupBy);
        };
    }

    /** The group of a project of contract {@code c} in a grouping. */
    static List<String> group(String groupBy, Upstream.Contract c) {
        List<String> values = new ArrayList<>();
        for (String column : columns(groupBy)) {
            values.add(switch (column) {
                case "province" -> c.province();
                case "city" -> c.city();
                case "district" -> c.district();
                case "sector" -> c.sector();
                case "park" -> c.park();
                default -> throw new IllegalArgumentException(column);
            });
        }
        return values;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(Quarters.format(quarter));
        if (!selection.isEmpty()) {
            s.append(' ').append(selection);
        }
        s.append(" groupBy=").append(groupBy);
        List<String> columns = columns(groupBy);
        for (int i = 0; i < columns.size(); i++) {
            s.append(' ').append(columns.get(i)).append('=').append(group.get(i) == null ? "(none)" : group.get(i));
        }
        return s.toString();
    }
}

package org.landfall.reliability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One row of the report: a grouping, the group's values in the grouping's columns, a quarter. */
public record RowKey(String groupBy, List<String> group, int quarter) {

    /** The report's groupings and their columns; places carry their parents. */
    static final List<String> GROUPINGS = List.of("none", "province", "city", "district", "sector");

    static List<String> columns(String groupBy) {
        return switch (groupBy) {
            case "none" -> List.of();
            case "province" -> List.of("province");
            case "city" -> List.of("province", "city");
            case "district" -> List.of("province", "city", "district");
            case "sector" -> List.of("sector");
            default -> throw new IllegalArgumentException(groupBy);
        };
    }

    /** The rows of quarter {@code q} that a project of contract {@code c} counts in, one per grouping. */
    static List<RowKey> all(int q, Upstream.Contract c) {
        List<RowKey> keys = new ArrayList<>(GROUPINGS.size());
        keys.add(new RowKey("none", List.of(), q));
        keys.add(new RowKey("province", List.of(c.province()), q));
        keys.add(new RowKey("city", List.of(c.province(), c.city()), q));
        keys.add(new RowKey("district", Arrays.asList(c.province(), c.city(), c.district()), q));
        keys.add(new RowKey("sector", List.of(c.sector()), q));
        return keys;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(Quarters.format(quarter)).append(" groupBy=").append(groupBy);
        List<String> columns = columns(groupBy);
        for (int i = 0; i < columns.size(); i++) {
            s.append(' ').append(columns.get(i)).append('=').append(group.get(i) == null ? "(none)" : group.get(i));
        }
        return s.toString();
    }
}

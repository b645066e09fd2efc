package org.landfall.reliability;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of the report: the selection it was asked with ({@link Selection#label()}, "" for all projects), a
 * grouping, the group's values in the grouping's fields ({@link #fields}), a quarter.
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

    /**
     * The fields of a row's group: its columns and, grouped by place, the GB/T 2260 code and Chinese name of the
     * place the group stands for (null unless its finest level is a place of the catalogue).
     */
    static List<String> fields(String groupBy) {
        List<String> fields = new ArrayList<>(columns(groupBy));
        if (fields.contains("province")) {
            fields.addAll(List.of("regionCode", "regionName"));
        }
        return fields;
    }

    /** The group of a project of contract {@code c} in a grouping: places by their code where they have one. */
    static List<String> group(String groupBy, Upstream.Contract c) {
        Located place = c.located();
        List<String> columns = columns(groupBy);
        List<String> values = new ArrayList<>();
        for (String column : columns) {
            values.add(switch (column) {
                case "province", "city", "district" -> place.name(Located.COLUMNS.indexOf(column));
                case "sector" -> c.sector();
                case "park" -> c.park();
                default -> throw new IllegalArgumentException(column);
            });
        }
        if (columns.contains("province")) {
            String code = place.code(columns.size() - 1);
            values.add(code);
            values.add(code == null ? null : Located.CATALOGUE.find(code).orElseThrow().name());
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
        List<String> fields = fields(groupBy);
        for (int i = 0; i < fields.size(); i++) {
            s.append(' ').append(fields.get(i)).append('=').append(group.get(i) == null ? "(none)" : group.get(i));
        }
        return s.toString();
    }
}

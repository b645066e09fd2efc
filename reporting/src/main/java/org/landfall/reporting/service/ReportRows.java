package org.landfall.reporting.service;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

import org.landfall.events.Stage;
import org.landfall.platform.jdbc.Jdbc;
import org.landfall.platform.jdbc.SqlRow;
import org.landfall.platform.jdbc.SqlStatement;
import org.landfall.reporting.domain.YearFigures;
import org.landfall.reporting.repository.TargetStore;
import org.landfall.reporting.domain.Quarter;
import org.landfall.reporting.domain.ReportRequest;
import org.landfall.reporting.domain.ReportRow;

/** What the latest and the past report share: their filters, their groups' order, and how a row is made. */
final class ReportRows {

    private ReportRows() {
    }

    /** Groups in order of their columns, an absent value ('' or null) first. */
    static final Comparator<List<String>> GROUP_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Comparator.nullsFirst(Comparator.<String>naturalOrder()).compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    /**
     * Filters match case-insensitively; the column names come from a fixed list, the values are parameters. The
     * selections beyond place and sector apply to the versioned figures only, which carry a project's park,
     * designations and contract value.
     */
    static SqlStatement filters(SqlStatement sql, ReportRequest r, String alias) {
        new TreeMap<>(r.filters()).forEach((column, value) ->
                sql.append(" and lower(" + alias + column + ") = lower(?)", value));
        if (!r.designations().isEmpty()) {
            sql.append(" and " + alias + "designations && ?::text[]", Jdbc.array("text", r.designations().toArray()));
        }
        if (r.minContractValue() != null) {
            sql.append(" and " + alias + "contract_value >= ?", r.minContractValue());
        }
        return sql;
    }

    /**
     * The annual targets of the place a row stands for (its group's places, with the report's place filters),
     * by year; none when that is not one place (no province, or a district without its city).
     */
    static IntFunction<YearFigures.Target> targets(Map<TargetStore.Key, YearFigures.Target> targets, ReportRequest r,
                                                   List<String> columns, List<String> group) {
        Map<String, String> place = new HashMap<>();
        for (String part : List.of("province", "city", "district")) {
            int i = columns.indexOf(part);
            String value = i >= 0 ? group.get(i) : r.filters().get(part);
            if (value != null && !value.isEmpty()) {
                place.put(part, value);
            }
        }
        if (!place.containsKey("province") || place.containsKey("district") && !place.containsKey("city")) {
            return year -> null;
        }
        return year -> targets.get(TargetStore.Key.of(year, place.get("province"), place.get("city"), place.get("district")));
    }

    /**
     * The rows of a report, by quarter then group, from each group's rows of the range: with a groupBy, only the
     * groups with figures in the range (flows before it are read for the year blocks, and count for nothing here).
     */
    static List<ReportRow> inOrder(Collection<List<String>> groups, Map<List<String>, List<ReportRow>> rowsByGroup,
                                   boolean everyGroup) {
        List<List<ReportRow>> shown = groups.stream().map(rowsByGroup::get)
                .filter(rows -> everyGroup || rows.stream().anyMatch(ReportRow::hasFigures)).toList();
        List<ReportRow> out = new ArrayList<>();
        for (int i = 0; !shown.isEmpty() && i < shown.get(0).size(); i++) {
            for (List<ReportRow> rows : shown) {
                out.add(rows.get(i));
            }
        }
        return out;
    }

    /** A row's group, read by the names of {@code columns} ('' as null). */
    static List<String> group(SqlRow row, List<String> columns) throws SQLException {
        List<String> key = new ArrayList<>(columns.size());
        for (String c : columns) {
            String v = row.string(c);
            key.add(v == null || v.isEmpty() ? null : v);
        }
        return key;
    }

    static ReportRow row(int quarter, List<String> columns, List<String> group, YearFigures.Row figures,
                         Map<Stage, Long> stages, Instant updatedAt) {
        Map<String, String> groupJson = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            groupJson.put(columns.get(i), group.get(i));
        }
        Map<String, Long> endOfQuarter = new LinkedHashMap<>();
        for (Stage s : Stage.values()) {
            endOfQuarter.put(s.name(), stages.getOrDefault(s, 0L));
        }
        return new ReportRow(Quarter.format(quarter), groupJson, figures.figures(), figures.blocks(), endOfQuarter, updatedAt);
    }
}

package org.landfall.reporting.service;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.landfall.events.Stage;
import org.landfall.platform.jdbc.SqlRow;
import org.landfall.platform.jdbc.SqlStatement;
import org.landfall.reporting.domain.FigureValues;
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

    /** Filters match case-insensitively; the column names come from a fixed list, the values are parameters. */
    static SqlStatement filters(SqlStatement sql, ReportRequest r, String alias) {
        new TreeMap<>(r.filters()).forEach((column, value) ->
                sql.append(" and lower(" + alias + column + ") = lower(?)", value));
        return sql;
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

    static ReportRow row(int quarter, List<String> columns, List<String> group, FigureValues figures,
                         Map<Stage, Long> stages, Instant updatedAt) {
        Map<String, String> groupJson = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            groupJson.put(columns.get(i), group.get(i));
        }
        Map<String, Long> endOfQuarter = new LinkedHashMap<>();
        for (Stage s : Stage.values()) {
            endOfQuarter.put(s.name(), stages.getOrDefault(s, 0L));
        }
        return new ReportRow(Quarter.format(quarter), groupJson, figures, endOfQuarter, updatedAt);
    }
}

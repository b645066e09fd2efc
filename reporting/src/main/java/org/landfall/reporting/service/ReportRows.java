package org.landfall.reporting.service;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

import org.landfall.events.Stage;
import org.landfall.platform.jdbc.Jdbc;
import org.landfall.platform.jdbc.SqlRow;
import org.landfall.platform.jdbc.SqlStatement;
import org.landfall.platform.problem.ProblemException;
import org.landfall.reporting.domain.Facts;
import org.landfall.reporting.domain.GroupBy;
import org.landfall.reporting.domain.Place;
import org.landfall.reporting.domain.PlaceFilter;
import org.landfall.reporting.domain.Places;
import org.landfall.reporting.domain.Quarter;
import org.landfall.reporting.domain.ReportRequest;
import org.landfall.reporting.domain.ReportRow;
import org.landfall.reporting.domain.ReportText;
import org.landfall.reporting.domain.YearFigures;
import org.landfall.reporting.repository.TargetStore;

/** What the latest and the past report share: their filters, their groups' order, and how a row is made. */
final class ReportRows {

    private ReportRows() {
    }

    /**
     * Refuses (422) a report of more than {@code maxRows} rows, groups times quarters, before its rows are made: each
     * row is a few kilobytes in memory and in the answer, and {@code groupBy=district} over 200 quarters of the whole
     * country would be half a million of them.
     */
    static void bounded(int groups, ReportRequest r, int maxRows) {
        int quarters = r.to() - r.from() + 1;
        long rows = (long) groups * quarters;
        if (rows > maxRows) {
            throw ProblemException.unprocessable("to", ReportText.TOO_MANY_ROWS.with(rows, groups, quarters, maxRows));
        }
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
     * The conditions of a report's selection; column names come from fixed lists, values are parameters. Place
     * names match case-insensitively, and by code too where they resolve; a region code selects by the codes of
     * its levels, so every place inside it. The selections beyond place and sector apply to the versioned
     * figures only, which carry a project's park, designations and contract value.
     */
    static SqlStatement filters(SqlStatement sql, ReportRequest r, String alias) {
        PlaceFilter places = r.places();
        if (!places.names().isEmpty()) {
            List<Object> params = new ArrayList<>();
            Place given = new Place(Place.Part.named(places.names().get("province")),
                    Place.Part.named(places.names().get("city")), Place.Part.named(places.names().get("district")));
            String asGiven = matching(given, alias, params);
            if (places.named().coded()) {
                List<Object> byCode = new ArrayList<>();
                String resolved = matching(places.named(), alias, byCode);
                byCode.addAll(params);
                sql.append(" and ((" + resolved + ") or (" + asGiven + "))", byCode.toArray());
            } else {
                sql.append(" and " + asGiven, params.toArray());
            }
        }
        if (places.region().coded()) {
            List<Object> params = new ArrayList<>();
            sql.append(" and " + matching(places.region(), alias, params), params.toArray());
        }
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

    /** The condition that a row lies in {@code place}: each level by its code, or by its name (any case). */
    private static String matching(Place place, String alias, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        for (int d = 1; d <= Place.LEVELS.size(); d++) {
            Place.Part part = place.part(d);
            String level = Place.LEVELS.get(d - 1);
            if (part.coded()) {
                conditions.add(alias + Place.codeColumn(level) + " = ?");
                params.add(part.code());
            } else if (part.given()) {
                conditions.add("lower(" + alias + level + ") = lower(?)");
                params.add(part.name());
            }
        }
        return String.join(" and ", conditions);
    }

    /**
     * The annual targets of the place a row stands for (its group's place levels, with the report's place filters
     * for the levels it is not grouped by), by year; none when that is not one place (no province, or a district
     * without its city). Places match as targets are kept: by code where they have one.
     */
    static IntFunction<YearFigures.Target> targets(Map<TargetStore.Key, YearFigures.Target> targets, ReportRequest r,
                                                   List<String> group) {
        Place grouped = place(r.groupBy(), group);
        Place.Part[] parts = new Place.Part[Place.LEVELS.size()];
        for (int d = 1; d <= parts.length; d++) {
            parts[d - 1] = d <= r.groupBy().placeDepth ? grouped.part(d) : r.places().place().part(d);
        }
        Place place = new Place(parts[0], parts[1], parts[2]);
        if (!place.province().given() || place.district().given() && !place.city().given()) {
            return year -> null;
        }
        Place matched = place.matched();
        return year -> targets.get(new TargetStore.Key(year, matched));
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

    /** A row's group key, read by the names of the grouping's {@link GroupBy#keyColumns} ('' as null). */
    static List<String> group(SqlRow row, GroupBy groupBy) throws SQLException {
        List<String> key = new ArrayList<>(groupBy.keyColumns.size());
        for (String c : groupBy.keyColumns) {
            String v = row.string(c);
            key.add(v == null || v.isEmpty() ? null : v);
        }
        return key;
    }

    /** The group key of a project's {@code group} in a grouping, as {@link #group(SqlRow, GroupBy)} reads it. */
    static List<String> group(Facts.Group group, GroupBy groupBy) {
        Map<String, String> values = new HashMap<>(Map.of("sector", group.sector()));
        for (int d = 1; d <= groupBy.placeDepth; d++) {
            String level = Place.LEVELS.get(d - 1);
            values.put(level, group.place().part(d).name());
            values.put(Place.codeColumn(level), group.place().part(d).code());
        }
        return groupBy.keyColumns.stream().map(c -> values.get(c).isEmpty() ? null : values.get(c)).toList();
    }

    /** The place levels of a group key, as far as the grouping goes. */
    private static Place place(GroupBy groupBy, List<String> group) {
        Place.Part[] parts = {Place.Part.NONE, Place.Part.NONE, Place.Part.NONE};
        for (int d = 1; d <= groupBy.placeDepth; d++) {
            String level = Place.LEVELS.get(d - 1);
            String name = group.get(groupBy.keyColumns.indexOf(level));
            String code = group.get(groupBy.keyColumns.indexOf(Place.codeColumn(level)));
            parts[d - 1] = new Place.Part(name == null ? "" : name, code == null ? "" : code);
        }
        return new Place(parts[0], parts[1], parts[2]);
    }

    /**
     * A row: its group's fields are the grouping's columns and, grouped by place, the code and Chinese name of the
     * place the group stands for (null unless its finest level is a place of the catalogue).
     */
    static ReportRow row(int quarter, GroupBy groupBy, List<String> group, YearFigures.Row figures,
                         Map<Stage, Long> stages, Instant updatedAt) {
        Map<String, String> groupJson = new LinkedHashMap<>();
        for (String column : groupBy.columns) {
            groupJson.put(column, group.get(groupBy.keyColumns.indexOf(column)));
        }
        if (groupBy.placeDepth > 0) {
            String code = place(groupBy, group).part(groupBy.placeDepth).code();
            groupJson.put(GroupBy.REGION_CODE, code.isEmpty() ? null : code);
            groupJson.put(GroupBy.REGION_NAME, Places.chineseName(code));
        }
        Map<String, Long> endOfQuarter = new LinkedHashMap<>();
        for (Stage s : Stage.values()) {
            endOfQuarter.put(s.name(), stages.getOrDefault(s, 0L));
        }
        return new ReportRow(Quarter.format(quarter), groupJson, figures.figures(), figures.blocks(), endOfQuarter, updatedAt);
    }
}

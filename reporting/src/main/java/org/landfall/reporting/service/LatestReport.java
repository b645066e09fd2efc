package org.landfall.reporting.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.landfall.events.Stage;
import org.landfall.platform.jdbc.Jdbc;
import org.landfall.platform.jdbc.SqlStatement;
import org.landfall.reporting.domain.DataQuarters;
import org.landfall.reporting.domain.Facts;
import org.landfall.reporting.domain.Figure;
import org.landfall.reporting.domain.FigureValues;
import org.landfall.reporting.domain.GroupBy;
import org.landfall.reporting.domain.LatestFigures;
import org.landfall.reporting.domain.PlaceFilter;
import org.landfall.reporting.domain.Report;
import org.landfall.reporting.domain.ReportRequest;
import org.landfall.reporting.domain.ReportRow;
import org.landfall.reporting.domain.YearFigures;
import org.landfall.reporting.repository.FigureColumns;
import org.landfall.reporting.repository.TargetStore;
import org.landfall.reporting.repository.WatermarkStore;

/**
 * The latest report, from the pre-aggregated rows at the level the request needs: per group, the flow rows of the
 * range and the pipeline changes up to its end (those before {@code from} summed into one bucket), added up
 * quarter by quarter; stamped with the watermark the rows are kept as of.
 */
@ApplicationScoped
public class LatestReport {

    @Inject
    Jdbc jdbc;

    @Inject
    WatermarkStore watermark;

    @Inject
    TargetStore targets;

    @ConfigProperty(name = "landfall.report.max-rows")
    int maxRows;

    /** Called in a snapshot (see {@link Reports}), so that the rows and their stamp are of one committed state. */
    Report report(ReportRequest r) {
        Instant at = watermark.current();
        return new Report(at, rows(r, targets.asOf(at, Math.floorDiv(r.from(), 4), Math.floorDiv(r.to(), 4))));
    }

    /**
     * The first and last quarters in which anything happened, from the latest figures of everything: a figure that
     * report rows show (plans included) or a change of the end-of-quarter pipeline that is not zero. A quarter
     * whose figures came back to zero (its only signing moved to another quarter by a correction) does not count.
     */
    DataQuarters dataQuarters() {
        String anything = Stream.concat(Stream.of(Figure.values()).filter(Figure::shown).map(f -> f.column),
                        Stream.of(Stage.values()).map(FigureColumns::stageChange))
                .map(column -> column + " <> 0").collect(Collectors.joining(" or "));
        return jdbc.sql("select min(quarter) as first, max(quarter) as last from latest_figure where level = "
                        + LatestFigures.levelFor(GroupBy.NONE, PlaceFilter.NONE, Set.of()) + " and (" + anything + ")")
                .single(row -> DataQuarters.of(row.integer("first"), row.integer("last")));
    }

    private List<ReportRow> rows(ReportRequest r, Map<TargetStore.Key, YearFigures.Target> targetsAt) {
        return rows(r, targetsAt, sql -> ReportRows.filters(sql.append("select * from latest_figure where level = "
                + LatestFigures.levelFor(r.groupBy(), r.places(), r.filters().keySet()) + " and quarter <= ?", r.to()), r, ""),
                jdbc, maxRows);
    }

    /**
     * A report's rows from the rows {@code stored} appends a query of: rows in latest_figure's columns (by quarter,
     * at the level the request needs, up to its last quarter), summed by group and quarter, added up quarter by
     * quarter.
     */
    static List<ReportRow> rows(ReportRequest r, Map<TargetStore.Key, YearFigures.Target> targetsAt,
            UnaryOperator<SqlStatement> stored, Jdbc jdbc, int maxRows) {
        GroupBy g = r.groupBy();
        String groupCols = g.keyColumns.stream().map(c -> ", " + c).reduce("", String::concat);
        Map<List<String>, TreeMap<Integer, LatestFigures.Change>> byGroup = new HashMap<>();
        // Quarters before the lookback count for the pipeline and the cumulative figures only: summed in one bucket.
        stored.apply(jdbc.sql("select greatest(quarter, ?) as quarter" + groupCols + FigureColumns.LATEST_SUMS + " from (",
                        YearFigures.lookback(r.from()) - 1))
                .append(") as stored group by 1" + groupCols).list(row -> byGroup
                .computeIfAbsent(ReportRows.group(row, g), k -> new TreeMap<>())
                .put(row.integer("quarter"), FigureColumns.latest(row)));
        TreeSet<List<String>> groups = new TreeSet<>(ReportRows.GROUP_ORDER);
        groups.addAll(byGroup.keySet());
        if (g.columns.isEmpty()) {
            groups.add(List.of());
        }
        ReportRows.bounded(groups.size(), r, maxRows);
        Map<List<String>, List<ReportRow>> assembled = new HashMap<>();
        for (List<String> group : groups) {
            assembled.put(group, assemble(r.from(), r.to(), g, group, byGroup.getOrDefault(group, new TreeMap<>()),
                    ReportRows.targets(targetsAt, r, group)));
        }
        return ReportRows.inOrder(groups, assembled, g.columns.isEmpty());
    }

    /**
     * The latest finest rows (one quarter of one province, city, district and sector) of these groups and
     * quarters, in one statement: what the live stream sends when they change.
     */
    public List<ReportRow> finest(Map<Facts.Group, ? extends Collection<Integer>> quarters) {
        if (quarters.isEmpty()) {
            return List.of();
        }
        GroupBy g = GroupBy.ALL;
        int to = quarters.values().stream().flatMap(Collection::stream).max(Integer::compare).orElseThrow();
        List<List<String>> keys = quarters.keySet().stream().map(group -> ReportRows.group(group, g)).toList();
        Map<List<String>, TreeMap<Integer, LatestFigures.Change>> byGroup = new HashMap<>();
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < g.keyColumns.size(); i++) {
            int column = i;
            // stored rows hold '' where a group key has null
            params.add(Jdbc.array("text", keys.stream().map(k -> k.get(column) == null ? "" : k.get(column)).toArray()));
        }
        params.add(to);
        jdbc.sql("select f.quarter" + g.keyColumns.stream().map(c -> ", f." + c).collect(Collectors.joining())
                + FigureColumns.LATEST_SUMS + " from latest_figure f join unnest("
                + String.join(", ", Collections.nCopies(g.keyColumns.size(), "?::text[]")) + ") as k("
                + String.join(", ", g.keyColumns) + ") using (" + String.join(", ", g.keyColumns) + ") "
                + "where f.level = " + LatestFigures.FINEST + " and f.quarter <= ? group by f.quarter, "
                + g.keyColumns.stream().map(c -> "f." + c).collect(Collectors.joining(", ")), params.toArray())
                .list(row -> byGroup.computeIfAbsent(ReportRows.group(row, g), k -> new TreeMap<>())
                        .put(row.integer("quarter"), FigureColumns.latest(row)));
        int from = quarters.values().stream().flatMap(Collection::stream).min(Integer::compare).orElseThrow();
        Map<TargetStore.Key, YearFigures.Target> targetsAt = targets.asOf(watermark.current(), Math.floorDiv(from, 4),
                Math.floorDiv(to, 4));
        // A finest row stands for its own place, whatever the request: no filters complete it.
        ReportRequest finest = new ReportRequest(from, to, g, PlaceFilter.NONE, Map.of(), List.of(), null, null);
        List<ReportRow> out = new ArrayList<>();
        quarters.forEach((group, qs) -> {
            List<String> key = ReportRows.group(group, g);
            int first = qs.stream().min(Integer::compare).orElseThrow();
            int last = qs.stream().max(Integer::compare).orElseThrow();
            List<ReportRow> assembled = assemble(first, last, g, key, byGroup.getOrDefault(key, new TreeMap<>()),
                    ReportRows.targets(targetsAt, finest, key));
            for (int q : new TreeSet<>(qs)) {
                out.add(assembled.get(q - first));
            }
        });
        return out;
    }

    /**
     * One group's rows for quarters {@code from}..{@code to} from its stored rows by quarter: flows as stored
     * (those of the lookback for the year blocks), stage counts, cumulative figures and the open-ended moments
     * accumulated from the beginning, so rows before {@code from} count for those only.
     */
    private static List<ReportRow> assemble(int from, int to, GroupBy groupBy, List<String> group,
            TreeMap<Integer, LatestFigures.Change> byQuarter, IntFunction<YearFigures.Target> targetOf) {
        TreeMap<Integer, FigureValues> flows = new TreeMap<>();
        byQuarter.forEach((q, row) -> flows.put(q, row.figures()));
        List<YearFigures.Row> figures = YearFigures.rows(flows, from, to, targetOf);
        Map<Stage, Long> stages = new EnumMap<>(Stage.class);
        Instant open = null;
        for (LatestFigures.Change row : byQuarter.headMap(from).values()) {
            accumulate(row, stages);
            open = LatestFigures.later(open, row.openUpdatedAt());
        }
        List<ReportRow> out = new ArrayList<>(to - from + 1);
        for (int q = from; q <= to; q++) {
            LatestFigures.Change row = byQuarter.get(q);
            Instant updatedAt = open;
            if (row != null) {
                accumulate(row, stages);
                open = LatestFigures.later(open, row.openUpdatedAt());
                updatedAt = LatestFigures.later(open, row.updatedAt());
            }
            out.add(ReportRows.row(q, groupBy, group, figures.get(q - from), stages, updatedAt));
        }
        return out;
    }

    private static void accumulate(LatestFigures.Change row, Map<Stage, Long> stages) {
        for (Stage s : Stage.values()) {
            stages.merge(s, row.stageChange(s), Long::sum);
        }
    }
}

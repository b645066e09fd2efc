package org.landfall.reporting.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.landfall.events.Stage;
import org.landfall.platform.jdbc.Jdbc;
import org.landfall.platform.jdbc.SqlStatement;
import org.landfall.reporting.domain.DataQuarters;
import org.landfall.reporting.domain.Facts;
import org.landfall.reporting.domain.Figure;
import org.landfall.reporting.domain.FigureValues;
import org.landfall.reporting.domain.GroupBy;
import org.landfall.reporting.domain.LatestFigures;
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
                        + LatestFigures.levelFor(GroupBy.NONE, Set.of()) + " and (" + anything + ")")
                .single(row -> DataQuarters.of(row.integer("first"), row.integer("last")));
    }

    private List<ReportRow> rows(ReportRequest r, Map<TargetStore.Key, YearFigures.Target> targetsAt) {
        List<String> g = r.groupBy().columns;
        String groupCols = g.stream().map(c -> ", " + c).reduce("", String::concat);
        Map<List<String>, TreeMap<Integer, LatestFigures.Change>> byGroup = new HashMap<>();
        // Quarters before the lookback count for the pipeline and the cumulative figures only: summed in one bucket.
        SqlStatement sql = jdbc.sql("select greatest(quarter, ?) as quarter" + groupCols + FigureColumns.LATEST_SUMS
                + " from latest_figure where level = " + LatestFigures.levelFor(r.groupBy(), r.filters().keySet())
                + " and quarter <= ?", YearFigures.lookback(r.from()) - 1, r.to());
        ReportRows.filters(sql, r, "").append(" group by 1" + groupCols).list(row -> byGroup
                .computeIfAbsent(ReportRows.group(row, g), k -> new TreeMap<>())
                .put(row.integer("quarter"), FigureColumns.latest(row)));
        TreeSet<List<String>> groups = new TreeSet<>(ReportRows.GROUP_ORDER);
        groups.addAll(byGroup.keySet());
        if (g.isEmpty()) {
            groups.add(List.of());
        }
        Map<List<String>, List<ReportRow>> assembled = new HashMap<>();
        for (List<String> group : groups) {
            assembled.put(group, assemble(r.from(), r.to(), g, group, byGroup.getOrDefault(group, new TreeMap<>()),
                    ReportRows.targets(targetsAt, r, g, group)));
        }
        return ReportRows.inOrder(groups, assembled, g.isEmpty());
    }

    /**
     * The latest finest rows (one quarter of one province, city, district and sector) of these groups and
     * quarters, in one statement: what the live stream sends when they change.
     */
    public List<ReportRow> finest(Map<Facts.Group, ? extends Collection<Integer>> quarters) {
        if (quarters.isEmpty()) {
            return List.of();
        }
        List<String> g = GroupBy.ALL.columns;
        int to = quarters.values().stream().flatMap(Collection::stream).max(Integer::compare).orElseThrow();
        List<Facts.Group> keys = List.copyOf(quarters.keySet());
        Map<List<String>, TreeMap<Integer, LatestFigures.Change>> byGroup = new HashMap<>();
        jdbc.sql("select f.quarter, f.province, f.city, f.district, f.sector" + FigureColumns.LATEST_SUMS
                + " from latest_figure f join unnest(?::text[], ?::text[], ?::text[], ?::text[]) "
                + "as k(province, city, district, sector) using (province, city, district, sector) "
                + "where f.level = " + LatestFigures.FINEST + " and f.quarter <= ?"
                + " group by f.quarter, f.province, f.city, f.district, f.sector",
                Jdbc.array("text", keys.stream().map(Facts.Group::province).toArray()),
                Jdbc.array("text", keys.stream().map(Facts.Group::city).toArray()),
                Jdbc.array("text", keys.stream().map(Facts.Group::district).toArray()),
                Jdbc.array("text", keys.stream().map(Facts.Group::sector).toArray()), to)
                .list(row -> byGroup.computeIfAbsent(List.of(row.string("province"), row.string("city"),
                        row.string("district"), row.string("sector")), k -> new TreeMap<>())
                        .put(row.integer("quarter"), FigureColumns.latest(row)));
        int from = quarters.values().stream().flatMap(Collection::stream).min(Integer::compare).orElseThrow();
        Map<TargetStore.Key, YearFigures.Target> targetsAt = targets.asOf(watermark.current(), Math.floorDiv(from, 4),
                Math.floorDiv(to, 4));
        // A finest row stands for its own place, whatever the request: no filters complete it.
        ReportRequest finest = new ReportRequest(from, to, GroupBy.ALL, Map.of(), List.of(), null, null);
        List<ReportRow> out = new ArrayList<>();
        quarters.forEach((group, qs) -> {
            List<String> stored = List.of(group.province(), group.city(), group.district(), group.sector());
            int first = qs.stream().min(Integer::compare).orElseThrow();
            int last = qs.stream().max(Integer::compare).orElseThrow();
            List<String> shown = stored.stream().map(v -> v.isEmpty() ? null : v).toList();
            List<ReportRow> assembled = assemble(first, last, g, shown, byGroup.getOrDefault(stored, new TreeMap<>()),
                    ReportRows.targets(targetsAt, finest, g, shown));
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
    private static List<ReportRow> assemble(int from, int to, List<String> columns, List<String> group,
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
            out.add(ReportRows.row(q, columns, group, figures.get(q - from), stages, updatedAt));
        }
        return out;
    }

    private static void accumulate(LatestFigures.Change row, Map<Stage, Long> stages) {
        for (Stage s : Stage.values()) {
            stages.merge(s, row.stageChange(s), Long::sum);
        }
    }
}

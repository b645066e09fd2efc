package org.landfall.reporting.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.landfall.events.Stage;
import org.landfall.platform.jdbc.Jdbc;
import org.landfall.platform.jdbc.SqlStatement;
import org.landfall.reporting.domain.FigureValues;
import org.landfall.reporting.domain.GroupBy;
import org.landfall.reporting.domain.LatestFigures;
import org.landfall.reporting.domain.Report;
import org.landfall.reporting.domain.ReportRequest;
import org.landfall.reporting.domain.ReportRow;
import org.landfall.reporting.domain.YearFigures;
import org.landfall.reporting.repository.FigureColumns;
import org.landfall.reporting.repository.TargetStore;

/**
 * A report as of a past moment, summed from every project's versioned contributions and stage runs that held at
 * it, in three aggregations: flow figures per quarter, the pipeline at each quarter's end, and when each row last
 * changed.
 */
@ApplicationScoped
public class PastReport {

    @Inject
    Jdbc jdbc;

    @Inject
    TargetStore targets;

    @Inject
    Checkpoints checkpoints;

    @ConfigProperty(name = "landfall.report.max-rows")
    int maxRows;

    /** Called in a snapshot (see {@link Reports}), so that the three aggregations see one committed state. */
    Report report(ReportRequest r) {
        return r.preAggregated() ? checkpointed(r) : summed(r);
    }

    /**
     * From the checkpoints (decisions 48, 52): the stored quarter and week periods by the moment, plus what the
     * versions that began or ended since changed, at the level the request needs; the same figures, pipeline and
     * moments as summing the whole history ({@link #summed}), which a missing checkpoint falls back towards.
     */
    private Report checkpointed(ReportRequest r) {
        Instant at = r.asOf();
        Checkpoints.Chain stored = checkpoints.lastBy(at);
        GroupBy g = r.groupBy();
        String columns = Stream.concat(Stream.concat(Stream.of("quarter"), g.keyColumns.stream()),
                FigureColumns.LATEST.stream().filter(c -> c.merge() != FigureColumns.Merge.KEY)
                        .map(FigureColumns.Column::name)).collect(Collectors.joining(", "));
        int level = LatestFigures.levelFor(g, r.places(), r.filters().keySet());
        List<ReportRow> rows = LatestReport.rows(r, targets.asOf(at, Math.floorDiv(r.from(), 4), Math.floorDiv(r.to(), 4)),
                sql -> Checkpoints.changes(ReportRows.filters(sql.append("select " + columns + " from checkpoint_figure "
                                + "where " + Checkpoints.Chain.ROWS, stored.params()).append(" and level = " + level
                                + " and quarter <= ?", r.to()), r, "")
                        .append(" union all "), g.keyColumns, stored.upTo(), at, r.to(), s -> ReportRows.filters(s, r, "")),
                jdbc, maxRows);
        return new Report(at, rows);
    }

    /** Summed from every version that held at the moment, or began or ended by it. */
    private Report summed(ReportRequest r) {
        Instant at = r.asOf();
        GroupBy g = r.groupBy();
        String groupCols = g.keyColumns.stream().map(c -> ", " + c).collect(Collectors.joining());
        String spanGroupCols = g.keyColumns.stream().map(c -> ", s." + c).collect(Collectors.joining());

        // Quarters before the lookback count for the cumulative figures only: summed in one bucket.
        Map<List<String>, TreeMap<Integer, FigureValues>> flows = new HashMap<>();
        SqlStatement flowSql = jdbc.sql("select greatest(quarter, ?) as quarter" + groupCols + FigureColumns.FIGURE_SUMS
                + " from contribution where quarter <= ? and valid_from <= ? and (valid_to is null or valid_to > ?)",
                YearFigures.lookback(r.from()) - 1, r.to(), at, at);
        ReportRows.filters(flowSql, r, "").append(" group by 1" + groupCols).list(row -> flows
                .computeIfAbsent(ReportRows.group(row, g), k -> new TreeMap<>())
                .put(row.integer("quarter"), FigureColumns.figures(row)));
        // before the aggregations that make a row per group and quarter
        ReportRows.bounded(g.columns.isEmpty() ? 1 : flows.size(), r, maxRows);

        String cover = " from generate_series(?, ?) as q(quarter) join stage_span s on s.from_quarter <= q.quarter "
                + "and (s.to_quarter is null or s.to_quarter > q.quarter) where ";
        Map<List<String>, Map<Integer, Map<Stage, Long>>> pipeline = new HashMap<>();
        SqlStatement pipelineSql = jdbc.sql("select q.quarter" + spanGroupCols + ", s.stage, count(*) as projects" + cover
                + "s.valid_from <= ? and (s.valid_to is null or s.valid_to > ?)", r.from(), r.to(), at, at);
        ReportRows.filters(pipelineSql, r, "s.").append(" group by q.quarter" + spanGroupCols + ", s.stage").list(row ->
                pipeline.computeIfAbsent(ReportRows.group(row, g), k -> new HashMap<>())
                        .computeIfAbsent(row.integer("quarter"), k -> new EnumMap<>(Stage.class))
                        .put(Stage.valueOf(row.string("stage")), row.longValue("projects")));

        Map<List<String>, Map<Integer, Instant>> updatedAt = new HashMap<>();
        SqlStatement changes = jdbc.sql("select quarter" + groupCols + ", max(t) as updated_at from (");
        for (String boundary : List.of("valid_from", "valid_to")) {
            changes.append("select quarter" + groupCols + ", " + boundary + " as t from contribution "
                    + "where quarter between ? and ? and " + boundary + " <= ?", r.from(), r.to(), at);
            ReportRows.filters(changes, r, "").append(" union all ");
        }
        for (String boundary : List.of("valid_from", "valid_to")) {
            changes.append("select q.quarter" + spanGroupCols + ", s." + boundary + cover + "s." + boundary + " <= ?",
                    r.from(), r.to(), at);
            ReportRows.filters(changes, r, "s.").append(boundary.equals("valid_from") ? " union all " : "");
        }
        changes.append(") as changes group by quarter" + groupCols).list(row -> updatedAt
                .computeIfAbsent(ReportRows.group(row, g), k -> new HashMap<>())
                .put(row.integer("quarter"), row.instant("updated_at")));

        TreeSet<List<String>> groups = new TreeSet<>(ReportRows.GROUP_ORDER);
        if (g.columns.isEmpty()) {
            groups.add(List.of());
        } else {
            groups.addAll(flows.keySet());
            groups.addAll(pipeline.keySet());
        }
        ReportRows.bounded(groups.size(), r, maxRows);
        Map<TargetStore.Key, YearFigures.Target> targetsAt = targets.asOf(at, Math.floorDiv(r.from(), 4), Math.floorDiv(r.to(), 4));
        Map<List<String>, List<ReportRow>> rows = new HashMap<>();
        for (List<String> group : groups) {
            List<YearFigures.Row> figures = YearFigures.rows(flows.getOrDefault(group, new TreeMap<>()), r.from(), r.to(),
                    ReportRows.targets(targetsAt, r, group));
            List<ReportRow> groupRows = new ArrayList<>();
            for (int q = r.from(); q <= r.to(); q++) {
                groupRows.add(ReportRows.row(q, g, group, figures.get(q - r.from()),
                        pipeline.getOrDefault(group, Map.of()).getOrDefault(q, Map.of()),
                        updatedAt.getOrDefault(group, Map.of()).get(q)));
            }
            rows.put(group, groupRows);
        }
        return new Report(at, ReportRows.inOrder(groups, rows, g.columns.isEmpty()));
    }
}

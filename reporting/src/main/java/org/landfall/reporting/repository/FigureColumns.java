package org.landfall.reporting.repository;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.landfall.events.Stage;
import org.landfall.platform.jdbc.SqlRow;
import org.landfall.reporting.domain.FigureValues;
import org.landfall.reporting.domain.LatestFigures;
import org.landfall.reporting.domain.Figure;
import org.landfall.reporting.domain.GroupBy;

/**
 * The figure columns of the tables, from the catalogue: {@code contribution} holds the {@link Figure}s;
 * {@code latest_figure} its key (level, quarter, each place level's name and code, sector), the figures and the
 * stage changes (summed), and the two moments (raised to the later). Rows are read by these names.
 */
public final class FigureColumns {

    /** How a column of a change combines with the stored row. */
    public enum Merge { KEY, SUM, LATER }

    public record Column(String name, String arrayType, String sqlType, Merge merge) {
    }

    public static final String UPDATED_AT = "updated_at";
    public static final String OPEN_UPDATED_AT = "open_updated_at";

    /** The columns of {@code latest_figure}. */
    public static final List<Column> LATEST = latest();

    /** {@code , sum(signed_count) as signed_count, ...}: the catalogue's figures summed, named as stored. */
    public static final String FIGURE_SUMS = aggregates(figureColumns());

    /** The figures, stage changes and moments of {@code latest_figure} rows, aggregated, named as stored. */
    public static final String LATEST_SUMS = aggregates(LATEST.stream().filter(c -> c.merge() != Merge.KEY));

    private FigureColumns() {
    }

    /** The catalogue's figures of a row, by their column names: counts as whole numbers, amounts as stored. */
    public static FigureValues figures(SqlRow r) throws SQLException {
        FigureValues v = new FigureValues();
        for (Figure f : Figure.values()) {
            v.set(f, f.kind == Figure.Kind.COUNT ? BigDecimal.valueOf(r.longValue(f.column)) : r.decimal(f.column));
        }
        return v;
    }

    /** A row of {@link #LATEST_SUMS}, as the change it adds to the rows before it. */
    public static LatestFigures.Change latest(SqlRow r) throws SQLException {
        LatestFigures.Change c = new LatestFigures.Change();
        c.figures().add(figures(r), 1);
        for (Stage s : Stage.values()) {
            c.addStageChange(s, r.longValue(stageChange(s)));
        }
        c.raiseUpdatedAt(r.instant(UPDATED_AT));
        c.raiseOpenUpdatedAt(r.instant(OPEN_UPDATED_AT));
        return c;
    }

    private static String aggregates(Stream<Column> columns) {
        return columns.map(c -> ", " + (c.merge() == Merge.SUM ? "sum" : "max") + "(" + c.name() + ") as " + c.name())
                .collect(Collectors.joining());
    }

    /** The column holding how the number of projects in {@code stage} at a quarter's end changes from the last. */
    public static String stageChange(Stage stage) {
        return stage.name().toLowerCase(Locale.ROOT) + "_change";
    }

    private static Stream<Column> figureColumns() {
        return Arrays.stream(Figure.values()).map(f -> new Column(f.column, f.kind.arrayType, f.kind.sqlType, Merge.SUM));
    }

    private static List<Column> latest() {
        List<Column> columns = new ArrayList<>(List.of(new Column("level", "int4", "smallint", Merge.KEY),
                new Column("quarter", "int4", "int", Merge.KEY)));
        for (String key : GroupBy.ALL.keyColumns) {
            columns.add(new Column(key, "text", "text", Merge.KEY));
        }
        figureColumns().forEach(columns::add);
        for (Stage s : Stage.values()) {
            columns.add(new Column(stageChange(s), "int8", "bigint", Merge.SUM));
        }
        columns.add(new Column(UPDATED_AT, "text", "timestamptz", Merge.LATER));
        columns.add(new Column(OPEN_UPDATED_AT, "text", "timestamptz", Merge.LATER));
        return List.copyOf(columns);
    }
}

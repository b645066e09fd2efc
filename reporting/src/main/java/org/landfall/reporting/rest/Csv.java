package org.landfall.reporting.rest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.landfall.events.Stage;
import org.landfall.reporting.domain.Figure;
import org.landfall.reporting.domain.GroupBy;
import org.landfall.reporting.domain.ReportRow;
import org.landfall.reporting.domain.YearFigures;

/** The report as CSV (RFC 4180): a header line, one line a row, flat column names. */
final class Csv {

    private static final List<Figure> SHOWN = Arrays.stream(Figure.values()).filter(Figure::shown).toList();

    /**
     * After the catalogue's figures: the year blocks (ytd_, yoy_, the rates, target_completion_), the stages at the
     * quarter's end, then when the row last changed.
     */
    private static final List<String> FIGURES = Stream.of(
            SHOWN.stream().map(f -> f.csv),
            Arrays.stream(YearFigures.Flow.values()).map(f -> "ytd_" + snake(f.json)),
            Arrays.stream(YearFigures.Flow.values()).map(f -> "yoy_" + snake(f.json)),
            Arrays.stream(YearFigures.Rate.values()).map(r -> snake(r.json)),
            Arrays.stream(YearFigures.Flow.values()).filter(f -> f.targeted).map(f -> "target_completion_" + snake(f.json)),
            Arrays.stream(Stage.values()).map(s -> "eoq_" + s.name().toLowerCase(Locale.ROOT)),
            Stream.of("updated_at")).flatMap(x -> x).toList();

    private Csv() {
    }

    /** The group's fields as columns: the grouping's, and for a place its {@code region_code} and {@code region_name}. */
    static String of(GroupBy groupBy, List<ReportRow> rows) {
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>();
        header.add("quarter");
        groupBy.fields.forEach(field -> header.add(snake(field)));
        header.addAll(FIGURES);
        line(out, header);
        for (ReportRow r : rows) {
            List<String> cells = new ArrayList<>();
            cells.add(r.quarter());
            groupBy.fields.forEach(field -> cells.add(r.group().get(field)));
            for (Figure f : SHOWN) {
                cells.add(f.kind == Figure.Kind.COUNT ? String.valueOf(r.figures().count(f)) : plain(r.figures().get(f)));
            }
            YearFigures.Blocks year = r.year();
            year.ytd().values().forEach(v -> cells.add(plain(v)));
            year.yoy().values().forEach(v -> cells.add(fraction(v)));
            year.rates().values().forEach(v -> cells.add(fraction(v)));
            year.targetCompletion().values().forEach(v -> cells.add(fraction(v)));
            r.endOfQuarter().values().forEach(n -> cells.add(String.valueOf(n)));
            cells.add(r.updatedAt() == null ? "" : r.updatedAt().toString());
            line(out, cells);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** Quotes what needs quoting, and defuses text a spreadsheet would run as a formula. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private static String snake(String camel) {
        return camel.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }

    /** A rate, empty where the row cannot say. */
    private static String fraction(BigDecimal v) {
        return v == null ? "" : YearFigures.written(v).toPlainString();
    }

    private static String plain(BigDecimal v) {
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }
}

package org.landfall.reporting.rest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.landfall.events.Stage;
import org.landfall.reporting.domain.Figure;
import org.landfall.reporting.domain.ReportRow;

/** The report as CSV (RFC 4180): a header line, one line a row, flat column names. */
final class Csv {

    /** After the catalogue's figures: the stages at the quarter's end, then when the row last changed. */
    private static final List<String> FIGURES = Stream.concat(Stream.concat(Arrays.stream(Figure.values()).map(f -> f.csv),
            Arrays.stream(Stage.values()).map(s -> "eoq_" + s.name().toLowerCase(Locale.ROOT))), Stream.of("updated_at")).toList();

    private Csv() {
    }

    static String of(List<String> groupColumns, List<ReportRow> rows) {
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>();
        header.add("quarter");
        header.addAll(groupColumns);
        header.addAll(FIGURES);
        line(out, header);
        for (ReportRow r : rows) {
            List<String> cells = new ArrayList<>();
            cells.add(r.quarter());
            groupColumns.forEach(c -> cells.add(r.group().get(c)));
            for (Figure f : Figure.values()) {
                cells.add(f.kind == Figure.Kind.COUNT ? String.valueOf(r.figures().count(f)) : plain(r.figures().get(f)));
            }
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

    private static String plain(BigDecimal v) {
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }
}

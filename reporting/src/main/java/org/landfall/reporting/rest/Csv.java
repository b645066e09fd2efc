package org.landfall.reporting.rest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The report as CSV (RFC 4180): a header line, one line a row, flat column names. */
final class Csv {

    private static final List<String> FIGURES = List.of("signed_count", "signed_contract_value", "signed_planned_jobs",
            "started_count", "started_contract_value", "operational_count", "operational_contract_value",
            "suspended_count", "suspended_contract_value", "cancelled_count", "cancelled_contract_value",
            "investment_completed", "jobs_created", "eoq_signed", "eoq_started", "eoq_operational", "eoq_suspended",
            "eoq_cancelled", "updated_at");

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
            cells.add(String.valueOf(r.signed().count()));
            cells.add(plain(r.signed().contractValue()));
            cells.add(String.valueOf(r.signed().plannedJobs()));
            for (ReportRow.Entered e : List.of(r.started(), r.operational(), r.suspended(), r.cancelled())) {
                cells.add(String.valueOf(e.count()));
                cells.add(plain(e.contractValue()));
            }
            cells.add(plain(r.investmentCompleted()));
            cells.add(String.valueOf(r.jobsCreated()));
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

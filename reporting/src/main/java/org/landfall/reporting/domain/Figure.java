package org.landfall.reporting.domain;

import java.math.BigDecimal;

/**
 * The catalogue of flow figures: a project's contribution to a quarter, and what a report sums of them. Each
 * entry names its column (in {@code contribution} and {@code latest_figure}), its SQL type in sums, its place in a
 * report row's JSON (an object per {@code section}, or top level) and its CSV column; the order is the JSON's and
 * the CSV's. A new figure is an entry here, a migration adding its column to both tables, and the rule in
 * {@link ProjectFigures} that computes it. The blocks derived from several quarters' figures (year to date,
 * year on year, rates, target completion) are {@link YearFigures}.
 */
public enum Figure {
    SIGNED_COUNT("signed_count", Kind.COUNT, "signed", "count", "signed_count"),
    SIGNED_VALUE("signed_value", Kind.AMOUNT, "signed", "contractValue", "signed_contract_value"),
    PLANNED_JOBS("planned_jobs", Kind.COUNT, "signed", "plannedJobs", "signed_planned_jobs"),
    STARTED_COUNT("started_count", Kind.COUNT, "started", "count", "started_count"),
    STARTED_VALUE("started_value", Kind.AMOUNT, "started", "contractValue", "started_contract_value"),
    OPERATIONAL_COUNT("operational_count", Kind.COUNT, "operational", "count", "operational_count"),
    OPERATIONAL_VALUE("operational_value", Kind.AMOUNT, "operational", "contractValue", "operational_contract_value"),
    SUSPENDED_COUNT("suspended_count", Kind.COUNT, "suspended", "count", "suspended_count"),
    SUSPENDED_VALUE("suspended_value", Kind.AMOUNT, "suspended", "contractValue", "suspended_contract_value"),
    CANCELLED_COUNT("cancelled_count", Kind.COUNT, "cancelled", "count", "cancelled_count"),
    CANCELLED_VALUE("cancelled_value", Kind.AMOUNT, "cancelled", "contractValue", "cancelled_contract_value"),
    INVESTMENT_COMPLETED("investment_delta", Kind.AMOUNT, null, "investmentCompleted", "investment_completed"),
    /** 到位资金: the money the investor actually put in, summed like the investment completed. */
    FUNDS_IN_PLACE("funds_delta", Kind.AMOUNT, null, "fundsInPlace", "funds_in_place"),
    JOBS_CREATED("jobs_delta", Kind.COUNT, null, "jobsCreated", "jobs_created"),
    // The projects with an annual plan for the quarter's year (every quarter of it shows the year's plan).
    PLANNED_COUNT("planned_count", Kind.COUNT, "planned", "count", "planned_count"),
    PLANNED_INVESTMENT("planned_investment", Kind.AMOUNT, "planned", "investment", "planned_investment"),
    PLANNED_STARTS("planned_starts", Kind.COUNT, "planned", "starts", "planned_starts"),
    PLANNED_STARTED_COUNT("planned_started_count", Kind.COUNT, "planned.started", "count", "planned_started_count"),
    PLANNED_STARTED_INVESTMENT("planned_started_investment", Kind.AMOUNT, "planned.started", "investment",
            "planned_started_investment"),
    // Numerators and divisors of the rates (see YearFigures), not shown themselves.
    /** Of the projects with a start planned for the year, those whose first start is dated by the quarter's end. */
    PLANNED_STARTS_MET("planned_starts_met", Kind.COUNT, false),
    /** The investment completed from the year's first quarter through this one by the projects with a plan for it. */
    PLANNED_INVESTMENT_DONE("planned_investment_done", Kind.AMOUNT, false),
    /** Counted in the quarter of plannedStartOn; summed from the beginning: the projects due to start by then. */
    DUE_COUNT("due_count", Kind.COUNT, true),
    /** Counted in the later quarter of plannedStartOn and the first start; summed from the beginning. */
    DUE_STARTED("due_started", Kind.COUNT, true);

    /**
     * How a figure is held: a count (whole, summed as bigint) or an amount of money (summed as unbounded numeric,
     * passed to PostgreSQL as text so that no digit is lost). Both aggregate by summing.
     */
    public enum Kind {
        COUNT("bigint", "int8"), AMOUNT("numeric", "text");

        public final String sqlType;
        /** The element type of the array a set-wise upsert passes the figure in. */
        public final String arrayType;

        Kind(String sqlType, String arrayType) {
            this.sqlType = sqlType;
            this.arrayType = arrayType;
        }
    }

    public final String column;
    public final Kind kind;
    /**
     * The JSON object of a report row the figure sits in (null: the row itself; {@code a.b}: object b inside a).
     */
    public final String section;
    /** The figure's name in a report row's JSON and CSV; null for a figure rows do not show. */
    public final String json;
    public final String csv;
    /** A row shows the sum over every quarter up to its own, not the quarter's own value. */
    public final boolean cumulative;

    Figure(String column, Kind kind, String section, String json, String csv) {
        this.column = column;
        this.kind = kind;
        this.section = section;
        this.json = json;
        this.csv = csv;
        this.cumulative = false;
    }

    Figure(String column, Kind kind, boolean cumulative) {
        this.column = column;
        this.kind = kind;
        this.section = null;
        this.json = null;
        this.csv = null;
        this.cumulative = cumulative;
    }

    public boolean shown() {
        return json != null;
    }

    /** The figure's value as the array of a set-wise statement takes it. */
    public Object sqlValue(BigDecimal v) {
        return kind == Kind.COUNT ? (Object) v.longValueExact() : v.toPlainString();
    }
}

package org.landfall.reporting.domain;

import java.math.BigDecimal;

/**
 * The catalogue of flow figures: a project's contribution to a quarter, and what a report sums of them. Each
 * entry names its column (in {@code contribution} and {@code latest_figure}), its SQL type in sums, its place in a
 * report row's JSON (an object per {@code section}, or top level) and its CSV column; the order is the JSON's and
 * the CSV's. A new figure is an entry here, a migration adding its column to both tables, and the rule in
 * {@link ProjectFigures} that computes it.
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
    JOBS_CREATED("jobs_delta", Kind.COUNT, null, "jobsCreated", "jobs_created");

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
    /** The JSON object of a report row the figure sits in (null: the row itself). */
    public final String section;
    public final String json;
    public final String csv;

    Figure(String column, Kind kind, String section, String json, String csv) {
        this.column = column;
        this.kind = kind;
        this.section = section;
        this.json = json;
        this.csv = csv;
    }

    /** The figure's value as the array of a set-wise statement takes it. */
    public Object sqlValue(BigDecimal v) {
        return kind == Kind.COUNT ? (Object) v.longValueExact() : v.toPlainString();
    }
}

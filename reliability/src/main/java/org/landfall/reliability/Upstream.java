package org.landfall.reliability;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What intake and status hold in their own tables: the sources of truth the reports must agree with. */
public final class Upstream {

    /**
     * A contract as intake holds it now (corrections applied). District and park are null when the contract names
     * none; {@code plannedStartOn} may be null; {@code regionCode} is the GB/T 2260 code intake resolved the names to
     * (null where it has none, or where intake's table keeps no codes).
     */
    public record Contract(UUID id, LocalDate signedOn, BigDecimal contractValue, long plannedJobs, String province,
                           String city, String district, String sector, LocalDate plannedStartOn,
                           List<String> designations, String park, String regionCode) {

        /** Where the report must show it. */
        Located located() {
            return Located.of(province, city, district, regionCode);
        }
    }

    /**
     * An update as status recorded it; {@code seq} is status's own recording order. The figures are cumulative, null
     * where the update reports none ({@code fundsInPlace} in every update from before issue 20).
     */
    public record Update(UUID projectId, LocalDate effectiveOn, Instant recordedAt, long seq, String stage,
                         BigDecimal investmentCompleted, Long jobsCreated, BigDecimal fundsInPlace) {
    }

    /** One accepted set of a project's annual plan; {@code seq} is intake's order of acceptance (the highest holds). */
    public record Plan(UUID projectId, int year, long seq, BigDecimal plannedInvestment, boolean startPlanned) {
    }

    /**
     * One accepted set of a place's annual targets: {@code placeKey} is intake's key of the place (lower-cased
     * {@code province/city/district}, an absent part empty), the names as spelt in this set, and the goals by the
     * name of the year-to-date figure they are set for (a figure without a target is absent).
     */
    public record Target(int year, String placeKey, long seq, String province, String city, String district,
                         Map<String, BigDecimal> goals) {

        /** The place the report measures against these targets: one however the set spelt it. */
        List<String> place() {
            return Located.of(province, city, district, null).compared();
        }
    }

    public record Tables(List<Contract> contracts, List<Update> updates, List<Plan> plans, List<Target> targets) {
    }

    private Upstream() {
    }

    public static Tables read(String intakeJdbc, String statusJdbc, String user, String password) throws SQLException {
        List<Contract> contracts = new ArrayList<>();
        List<Plan> plans = new ArrayList<>();
        List<Target> targets = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(intakeJdbc, user, password); Statement s = c.createStatement()) {
            String regionCode = hasColumn(s, "project", "region_code") ? "region_code" : "null::text";
            try (ResultSet r = s.executeQuery("select id, signed_on, contract_value, coalesce(planned_jobs, 0), province, "
                    + "city, district, sector, planned_start_on, designations, park, " + regionCode + " from project")) {
                while (r.next()) {
                    contracts.add(new Contract(r.getObject(1, UUID.class), r.getObject(2, LocalDate.class),
                            r.getBigDecimal(3), r.getLong(4), r.getString(5), r.getString(6), absentIfEmpty(r.getString(7)),
                            r.getString(8), r.getObject(9, LocalDate.class),
                            List.copyOf(Arrays.asList((String[]) r.getArray(10).getArray())), absentIfEmpty(r.getString(11)),
                            absentIfEmpty(r.getString(12))));
                }
            }
            try (ResultSet r = s.executeQuery("select project_id, year, seq, planned_investment, start_planned from project_plan")) {
                while (r.next()) {
                    plans.add(new Plan(r.getObject(1, UUID.class), r.getInt(2), r.getLong(3), r.getBigDecimal(4), r.getBoolean(5)));
                }
            }
            try (ResultSet r = s.executeQuery("select year, place_key, seq, province, city, district, signed_count, "
                    + "signed_value, starts, investment_completed, jobs_created from target")) {
                while (r.next()) {
                    Map<String, BigDecimal> goals = new LinkedHashMap<>();
                    // the columns from signed_count on, in the order of Recount.TARGETED
                    for (int i = 0; i < Recount.TARGETED.size(); i++) {
                        BigDecimal goal = r.getBigDecimal(7 + i);
                        if (goal != null) {
                            goals.put(Recount.TARGETED.get(i), goal);
                        }
                    }
                    targets.add(new Target(r.getInt(1), r.getString(2), r.getLong(3), r.getString(4),
                            absentIfEmpty(r.getString(5)), absentIfEmpty(r.getString(6)), goals));
                }
            }
        }
        List<Update> updates = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(statusJdbc, user, password); Statement s = c.createStatement()) {
            String funds = hasColumn(s, "status_update", "funds_in_place") ? "funds_in_place" : "null::numeric";
            try (ResultSet r = s.executeQuery("select project_id, effective_on, recorded_at, seq, stage, investment_completed, "
                    + "jobs_created, " + funds + " from status_update")) {
                while (r.next()) {
                    long jobs = r.getLong(7);
                    Long jobsCreated = r.wasNull() ? null : jobs;
                    updates.add(new Update(r.getObject(1, UUID.class), r.getObject(2, LocalDate.class),
                            r.getTimestamp(3).toInstant(), r.getLong(4), r.getString(5), r.getBigDecimal(6), jobsCreated,
                            r.getBigDecimal(8)));
                }
            }
        }
        return new Tables(contracts, updates, plans, targets);
    }

    /** Whether a service's schema has the column yet: intake's codes and status's funds came with migrations of their own. */
    private static boolean hasColumn(Statement s, String table, String column) throws SQLException {
        try (ResultSet r = s.executeQuery("select 1 from information_schema.columns where table_schema = current_schema() "
                + "and table_name = '" + table + "' and column_name = '" + column + "'")) {
            return r.next();
        }
    }

    private static String absentIfEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}

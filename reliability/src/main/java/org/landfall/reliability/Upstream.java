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
import java.util.List;
import java.util.UUID;

/** What intake and status hold in their own tables: the sources of truth the reports must agree with. */
public final class Upstream {

    /** A contract as intake holds it now (corrections applied). District is null when the contract names none. */
    public record Contract(UUID id, LocalDate signedOn, BigDecimal contractValue, long plannedJobs, String province,
                           String city, String district, String sector) {
    }

    /** An update as status recorded it; {@code seq} is status's own recording order. */
    public record Update(UUID projectId, LocalDate effectiveOn, Instant recordedAt, long seq, String stage,
                         BigDecimal investmentCompleted, Long jobsCreated) {
    }

    public record Tables(List<Contract> contracts, List<Update> updates) {
    }

    private Upstream() {
    }

    public static Tables read(String intakeJdbc, String statusJdbc, String user, String password) throws SQLException {
        List<Contract> contracts = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(intakeJdbc, user, password); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select id, signed_on, contract_value, coalesce(planned_jobs, 0), province, "
                     + "city, district, sector from project")) {
            while (r.next()) {
                String district = r.getString(7);
                contracts.add(new Contract(r.getObject(1, UUID.class), r.getObject(2, LocalDate.class), r.getBigDecimal(3),
                        r.getLong(4), r.getString(5), r.getString(6), district == null || district.isEmpty() ? null : district,
                        r.getString(8)));
            }
        }
        List<Update> updates = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(statusJdbc, user, password); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select project_id, effective_on, recorded_at, seq, stage, investment_completed, "
                     + "jobs_created from status_update")) {
            while (r.next()) {
                long jobs = r.getLong(7);
                Long jobsCreated = r.wasNull() ? null : jobs;
                updates.add(new Update(r.getObject(1, UUID.class), r.getObject(2, LocalDate.class),
                        r.getTimestamp(3).toInstant(), r.getLong(4), r.getString(5), r.getBigDecimal(6), jobsCreated));
            }
        }
        return new Tables(contracts, updates);
    }
}

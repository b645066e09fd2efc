package org.landfall.reporting.repository;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.landfall.events.Stage;
import org.landfall.reporting.domain.Facts;
import org.landfall.reporting.domain.FigureHistory;
import org.landfall.reporting.domain.Figures;

/** The facts and the versioned figures of each project, in plain JDBC batches on the transaction's connection. */
@ApplicationScoped
public class FactStore {

    @Inject
    EntityManager em;

    /** Serialises the derivations of one project until the transaction ends. */
    public void lock(UUID projectId) {
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(hashtextextended(:id, 0))")
                .setParameter("id", projectId.toString()).getSingleResult();
    }

    public void add(Facts.ProjectVersion v) {
        work(c -> {
            try (PreparedStatement s = c.prepareStatement("insert into project_fact (project_id, revision, recorded_at, "
                    + "signed_on, contract_value, planned_jobs, province, city, district, sector) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")) {
                s.setObject(1, v.projectId());
                s.setInt(2, v.revision());
                s.setTimestamp(3, Timestamp.from(v.recordedAt()));
                s.setDate(4, Date.valueOf(v.signedOn()));
                s.setBigDecimal(5, v.contractValue());
                s.setLong(6, v.plannedJobs());
                group(s, 7, v.group());
                s.executeUpdate();
            }
        });
    }

    public void add(Facts.Update u) {
        work(c -> {
            try (PreparedStatement s = c.prepareStatement("insert into update_fact (update_id, project_id, effective_on, "
                    + "stage, investment_completed, jobs_created, recorded_at) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing")) {
                s.setObject(1, u.updateId());
                s.setObject(2, u.projectId());
                s.setDate(3, Date.valueOf(u.effectiveOn()));
                s.setString(4, u.stage() == null ? null : u.stage().name());
                s.setBigDecimal(5, u.investmentCompleted());
                if (u.jobsCreated() == null) {
                    s.setNull(6, Types.BIGINT);
                } else {
                    s.setLong(6, u.jobsCreated());
                }
                s.setTimestamp(7, Timestamp.from(u.recordedAt()));
                s.executeUpdate();
            }
        });
    }

    public List<Facts.ProjectVersion> versions(UUID projectId) {
        List<Facts.ProjectVersion> out = new ArrayList<>();
        work(c -> {
            try (PreparedStatement s = c.prepareStatement("select revision, recorded_at, signed_on, contract_value, "
                    + "planned_jobs, province, city, district, sector from project_fact where project_id = ?")) {
                s.setObject(1, projectId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new Facts.ProjectVersion(projectId, r.getInt(1), r.getTimestamp(2).toInstant(),
                                r.getDate(3).toLocalDate(), r.getBigDecimal(4), r.getLong(5),
                                new Facts.Group(r.getString(6), r.getString(7), r.getString(8), r.getString(9))));
                    }
                }
            }
        });
        return out;
    }

    public List<Facts.Update> updates(UUID projectId) {
        List<Facts.Update> out = new ArrayList<>();
        work(c -> {
            try (PreparedStatement s = c.prepareStatement("select update_id, effective_on, stage, investment_completed, "
                    + "jobs_created, recorded_at from update_fact where project_id = ?")) {
                s.setObject(1, projectId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long jobs = r.getLong(5);
                        Long jobsCreated = r.wasNull() ? null : jobs;
                        out.add(new Facts.Update(r.getObject(1, UUID.class), projectId, r.getDate(2).toLocalDate(),
                                r.getString(3) == null ? null : Stage.valueOf(r.getString(3)), r.getBigDecimal(4),
                                jobsCreated, r.getTimestamp(6).toInstant()));
                    }
                }
            }
        });
        return out;
    }

    /** Replaces a project's versioned figures with a freshly derived history. */
    public void replace(UUID projectId, FigureHistory.History history) {
        work(c -> {
            for (String table : List.of("contribution", "stage_span")) {
                try (PreparedStatement s = c.prepareStatement("delete from " + table + " where project_id = ?")) {
                    s.setObject(1, projectId);
                    s.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement("insert into contribution (project_id, quarter, province, city, "
                    + "district, sector, signed_count, signed_value, planned_jobs, started_count, started_value, "
                    + "operational_count, operational_value, suspended_count, suspended_value, cancelled_count, "
                    + "cancelled_value, investment_delta, jobs_delta, valid_from, valid_to) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (FigureHistory.Versioned<Figures.Contribution> v : history.contributions()) {
                    Figures.Contribution f = v.value();
                    s.setObject(1, projectId);
                    s.setInt(2, v.quarter());
                    group(s, 3, f.group());
                    s.setInt(7, f.signedCount());
                    s.setBigDecimal(8, f.signedValue());
                    s.setLong(9, f.plannedJobs());
                    s.setInt(10, f.startedCount());
                    s.setBigDecimal(11, f.startedValue());
                    s.setInt(12, f.operationalCount());
                    s.setBigDecimal(13, f.operationalValue());
                    s.setInt(14, f.suspendedCount());
                    s.setBigDecimal(15, f.suspendedValue());
                    s.setInt(16, f.cancelledCount());
                    s.setBigDecimal(17, f.cancelledValue());
                    s.setBigDecimal(18, f.investmentDelta());
                    s.setLong(19, f.jobsDelta());
                    interval(s, 20, v);
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement("insert into stage_span (project_id, stage, from_quarter, "
                    + "to_quarter, province, city, district, sector, valid_from, valid_to) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (FigureHistory.Versioned<Figures.StageSpan> v : history.spans()) {
                    Figures.StageSpan span = v.value();
                    s.setObject(1, projectId);
                    s.setString(2, span.stage().name());
                    s.setInt(3, span.from());
                    if (span.to() == null) {
                        s.setNull(4, Types.INTEGER);
                    } else {
                        s.setInt(4, span.to());
                    }
                    group(s, 5, span.group());
                    interval(s, 9, v);
                    s.addBatch();
                }
                s.executeBatch();
            }
        });
    }

    /** The contributions of a project that hold now, by quarter. */
    public java.util.Map<Integer, Figures.Contribution> latestContributions(UUID projectId) {
        java.util.Map<Integer, Figures.Contribution> out = new java.util.HashMap<>();
        work(c -> {
            try (PreparedStatement s = c.prepareStatement("select quarter, province, city, district, sector, signed_count, "
                    + "signed_value, planned_jobs, started_count, started_value, operational_count, operational_value, "
                    + "suspended_count, suspended_value, cancelled_count, cancelled_value, investment_delta, jobs_delta "
                    + "from contribution where project_id = ? and valid_to is null")) {
                s.setObject(1, projectId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.put(r.getInt(1), new Figures.Contribution(
                                new Facts.Group(r.getString(2), r.getString(3), r.getString(4), r.getString(5)),
                                r.getInt(6), r.getBigDecimal(7), r.getLong(8), r.getInt(9), r.getBigDecimal(10),
                                r.getInt(11), r.getBigDecimal(12), r.getInt(13), r.getBigDecimal(14), r.getInt(15),
                                r.getBigDecimal(16), r.getBigDecimal(17), r.getLong(18)));
                    }
                }
            }
        });
        return out;
    }

    /** The stage spans of a project that hold now. */
    public java.util.Set<Figures.StageSpan> latestSpans(UUID projectId) {
        java.util.Set<Figures.StageSpan> out = new java.util.HashSet<>();
        work(c -> {
            try (PreparedStatement s = c.prepareStatement("select stage, from_quarter, to_quarter, province, city, district, "
                    + "sector from stage_span where project_id = ? and valid_to is null")) {
                s.setObject(1, projectId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        int to = r.getInt(3);
                        out.add(new Figures.StageSpan(new Facts.Group(r.getString(4), r.getString(5), r.getString(6),
                                r.getString(7)), Stage.valueOf(r.getString(1)), r.getInt(2), r.wasNull() ? null : to));
                    }
                }
            }
        });
        return out;
    }

    private static void group(PreparedStatement s, int first, Facts.Group g) throws SQLException {
        s.setString(first, g.province());
        s.setString(first + 1, g.city());
        s.setString(first + 2, g.district());
        s.setString(first + 3, g.sector());
    }

    private static void interval(PreparedStatement s, int first, FigureHistory.Versioned<?> v) throws SQLException {
        s.setTimestamp(first, Timestamp.from(v.from()));
        if (v.to() == null) {
            s.setNull(first + 1, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setTimestamp(first + 1, Timestamp.from(v.to()));
        }
    }

    private interface Work {
        void execute(Connection c) throws SQLException;
    }

    private void work(Work work) {
        em.unwrap(Session.class).doWork(work::execute);
    }
}

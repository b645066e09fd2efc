package org.landfall.reporting.repository;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.landfall.events.Stage;
import org.landfall.reporting.domain.Facts;
import org.landfall.reporting.domain.FigureHistory;
import org.landfall.reporting.domain.LatestFigures;
import org.landfall.reporting.domain.Figures;

/** The facts and the versioned figures of each project, in plain JDBC batches on the transaction's connection. */
@ApplicationScoped
public class FactStore {

    @Inject
    EntityManager em;

    /**
     * Serialises the derivations of these projects until the transaction ends. The locks are taken in id order,
     * the same in every transaction, so two batches that share projects cannot deadlock.
     */
    public void lock(Collection<UUID> projectIds) {
        work(c -> {
            try (PreparedStatement s = c.prepareStatement("select count(pg_advisory_xact_lock(hashtextextended(id::text, 0))) "
                    + "from (select unnest(?::uuid[]) as id order by 1) ids")) {
                s.setArray(1, c.createArrayOf("uuid", projectIds.toArray()));
                s.executeQuery().close();
            }
        });
    }

    public void addVersions(List<Facts.ProjectVersion> versions) {
        batch("insert into project_fact (project_id, revision, recorded_at, signed_on, contract_value, planned_jobs, "
                + "province, city, district, sector) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing", versions,
                (s, v) -> {
                    s.setObject(1, v.projectId());
                    s.setInt(2, v.revision());
                    s.setTimestamp(3, Timestamp.from(v.recordedAt()));
                    s.setDate(4, Date.valueOf(v.signedOn()));
                    s.setBigDecimal(5, v.contractValue());
                    s.setLong(6, v.plannedJobs());
                    group(s, 7, v.group());
                });
    }

    public void addUpdates(List<Facts.Update> updates) {
        batch("insert into update_fact (update_id, project_id, effective_on, stage, investment_completed, jobs_created, "
                + "recorded_at) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing", updates, (s, u) -> {
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
                });
    }

    /** Every version of these projects' contracts, by project. */
    public Map<UUID, List<Facts.ProjectVersion>> versions(Collection<UUID> projectIds) {
        return byProject(projectIds, "select project_id, revision, recorded_at, signed_on, contract_value, planned_jobs, "
                + "province, city, district, sector from project_fact where project_id = any(?)",
                r -> new Facts.ProjectVersion(r.getObject(1, UUID.class), r.getInt(2), r.getTimestamp(3).toInstant(),
                        r.getDate(4).toLocalDate(), r.getBigDecimal(5), r.getLong(6),
                        new Facts.Group(r.getString(7), r.getString(8), r.getString(9), r.getString(10))));
    }

    /** Every update of these projects, by project. */
    public Map<UUID, List<Facts.Update>> updates(Collection<UUID> projectIds) {
        return byProject(projectIds, "select project_id, update_id, effective_on, stage, investment_completed, jobs_created, "
                + "recorded_at from update_fact where project_id = any(?)", r -> {
                    long jobs = r.getLong(6);
                    Long jobsCreated = r.wasNull() ? null : jobs;
                    return new Facts.Update(r.getObject(2, UUID.class), r.getObject(1, UUID.class), r.getDate(3).toLocalDate(),
                            r.getString(4) == null ? null : Stage.valueOf(r.getString(4)), r.getBigDecimal(5), jobsCreated,
                            r.getTimestamp(7).toInstant());
                });
    }

    private static final String CONTRIBUTION_COLUMNS = "project_id, quarter, province, city, district, sector, "
            + "signed_count, signed_value, planned_jobs, started_count, started_value, operational_count, operational_value, "
            + "suspended_count, suspended_value, cancelled_count, cancelled_value, investment_delta, jobs_delta, "
            + "valid_from, valid_to";
    private static final String SPAN_COLUMNS = "project_id, stage, from_quarter, to_quarter, province, city, district, "
            + "sector, valid_from, valid_to";

    /** The whole stored figure history of each of these projects. */
    public Map<UUID, FigureHistory.History> histories(Collection<UUID> projectIds) {
        Map<UUID, List<FigureHistory.Versioned<Figures.Contribution>>> contributions = byProject(projectIds,
                "select " + CONTRIBUTION_COLUMNS + " from contribution where project_id = any(?)", FactStore::contribution);
        Map<UUID, List<FigureHistory.Versioned<Figures.StageSpan>>> spans = byProject(projectIds,
                "select " + SPAN_COLUMNS + " from stage_span where project_id = any(?)", FactStore::span);
        Map<UUID, FigureHistory.History> out = new HashMap<>();
        projectIds.forEach(id -> out.put(id, new FigureHistory.History(contributions.get(id), spans.get(id))));
        return out;
    }

    /** Every version, of any project, that began or stopped holding in ({@code after}, {@code upTo}]. */
    public FigureHistory.History versionsBetween(Instant after, Instant upTo) {
        String window = " where (valid_from > ? and valid_from <= ?) or (valid_to > ? and valid_to <= ?)";
        return new FigureHistory.History(
                list("select " + CONTRIBUTION_COLUMNS + " from contribution" + window, after, upTo, FactStore::contribution),
                list("select " + SPAN_COLUMNS + " from stage_span" + window, after, upTo, FactStore::span));
    }

    private static FigureHistory.Versioned<Figures.Contribution> contribution(ResultSet r) throws SQLException {
        return new FigureHistory.Versioned<>(new Figures.Contribution(
                new Facts.Group(r.getString(3), r.getString(4), r.getString(5), r.getString(6)),
                r.getInt(7), r.getBigDecimal(8), r.getLong(9), r.getInt(10), r.getBigDecimal(11),
                r.getInt(12), r.getBigDecimal(13), r.getInt(14), r.getBigDecimal(15), r.getInt(16),
                r.getBigDecimal(17), r.getBigDecimal(18), r.getLong(19)), r.getInt(2), instant(r, 20), instant(r, 21));
    }

    private static FigureHistory.Versioned<Figures.StageSpan> span(ResultSet r) throws SQLException {
        int to = r.getInt(4);
        Integer toQuarter = r.wasNull() ? null : to;
        Figures.StageSpan span = new Figures.StageSpan(new Facts.Group(r.getString(5), r.getString(6), r.getString(7),
                r.getString(8)), Stage.valueOf(r.getString(2)), r.getInt(3), toQuarter);
        return new FigureHistory.Versioned<>(span, span.from(), instant(r, 9), instant(r, 10));
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /**
     * Sets the moments of these rows to what the stored versions say as of {@code at}: the latest boundary up to
     * it among the versions covering each row (see {@link LatestFigures}).
     */
    public void recomputeMoments(Collection<LatestFigures.Key> keys, Instant at) {
        String sameGroup = " and (f.level / 2 < 1 or x.province = f.province) and (f.level / 2 < 2 or x.city = f.city)"
                + " and (f.level / 2 < 3 or x.district = f.district) and (f.level % 2 = 0 or x.sector = f.sector)"
                + " and x.valid_from <= ?";
        String boundary = "greatest(x.valid_from, case when x.valid_to <= ? then x.valid_to end)";
        batch("update latest_figure f set updated_at = (select max(t) from ("
                + "select " + boundary + " as t from contribution x where x.quarter = f.quarter" + sameGroup
                + " union all select " + boundary + " from stage_span x where x.to_quarter is not null"
                + " and x.from_quarter <= f.quarter and x.to_quarter > f.quarter" + sameGroup + ") as m), "
                + "open_updated_at = (select max(" + boundary + ") from stage_span x where x.to_quarter is null"
                + " and x.from_quarter = f.quarter" + sameGroup + ") "
                + "where (f.level, f.quarter, f.province, f.city, f.district, f.sector) = (?, ?, ?, ?, ?, ?)",
                List.copyOf(keys), (s, k) -> {
                    Timestamp t = Timestamp.from(at);
                    for (int i = 1; i <= 6; i++) {
                        s.setTimestamp(i, t);
                    }
                    s.setInt(7, k.level());
                    s.setInt(8, k.quarter());
                    s.setString(9, k.province());
                    s.setString(10, k.city());
                    s.setString(11, k.district());
                    s.setString(12, k.sector());
                });
    }

    /** Replaces these projects' versioned figures with freshly derived histories. */
    public void replace(Map<UUID, FigureHistory.History> histories) {
        work(c -> {
            for (String table : List.of("contribution", "stage_span")) {
                try (PreparedStatement s = c.prepareStatement("delete from " + table + " where project_id = any(?)")) {
                    s.setArray(1, c.createArrayOf("uuid", histories.keySet().toArray()));
                    s.executeUpdate();
                }
            }
        });
        List<Map.Entry<UUID, FigureHistory.Versioned<Figures.Contribution>>> contributions = new ArrayList<>();
        List<Map.Entry<UUID, FigureHistory.Versioned<Figures.StageSpan>>> spans = new ArrayList<>();
        histories.forEach((id, h) -> {
            h.contributions().forEach(v -> contributions.add(Map.entry(id, v)));
            h.spans().forEach(v -> spans.add(Map.entry(id, v)));
        });
        batch("insert into contribution (project_id, quarter, province, city, district, sector, signed_count, signed_value, "
                + "planned_jobs, started_count, started_value, operational_count, operational_value, suspended_count, "
                + "suspended_value, cancelled_count, cancelled_value, investment_delta, jobs_delta, valid_from, valid_to) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", contributions, (s, e) -> {
                    FigureHistory.Versioned<Figures.Contribution> v = e.getValue();
                    Figures.Contribution f = v.value();
                    s.setObject(1, e.getKey());
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
                });
        batch("insert into stage_span (project_id, stage, from_quarter, to_quarter, province, city, district, sector, "
                + "valid_from, valid_to) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", spans, (s, e) -> {
                    FigureHistory.Versioned<Figures.StageSpan> v = e.getValue();
                    Figures.StageSpan span = v.value();
                    s.setObject(1, e.getKey());
                    s.setString(2, span.stage().name());
                    s.setInt(3, span.from());
                    if (span.to() == null) {
                        s.setNull(4, Types.INTEGER);
                    } else {
                        s.setInt(4, span.to());
                    }
                    group(s, 5, span.group());
                    interval(s, 9, v);
                });
    }

    /**
     * Adds these changes to the pre-aggregated latest figures, in one statement, in key order (so two consumers'
     * transactions lock shared rows in the same order and cannot deadlock).
     */
    public void addToLatest(Map<LatestFigures.Key, LatestFigures.Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        int n = changes.size();
        Object[][] columns = new Object[LATEST_COLUMNS.size()][n];
        int i = 0;
        for (var e : changes.entrySet()) {
            LatestFigures.Key k = e.getKey();
            LatestFigures.Change c = e.getValue();
            Object[] values = {k.level(), k.quarter(), k.province(), k.city(), k.district(), k.sector(),
                c.signedCount, c.signedValue.toPlainString(), c.plannedJobs, c.startedCount, c.startedValue.toPlainString(),
                c.operationalCount, c.operationalValue.toPlainString(), c.suspendedCount, c.suspendedValue.toPlainString(),
                c.cancelledCount, c.cancelledValue.toPlainString(), c.investmentDelta.toPlainString(), c.jobsDelta,
                c.stageChange[0], c.stageChange[1], c.stageChange[2], c.stageChange[3], c.stageChange[4],
                c.updatedAt == null ? null : c.updatedAt.toString(), c.openUpdatedAt == null ? null : c.openUpdatedAt.toString()};
            for (int col = 0; col < values.length; col++) {
                columns[col][i] = values[col];
            }
            i++;
        }
        work(c -> {
            try (PreparedStatement s = c.prepareStatement(UPSERT_LATEST)) {
                for (int col = 0; col < columns.length; col++) {
                    s.setArray(col + 1, c.createArrayOf(LATEST_COLUMNS.get(col).arrayType(), columns[col]));
                }
                s.executeUpdate();
            }
        });
    }

    private record Column(String name, String arrayType, String cast, boolean summed) {
    }

    private static final List<Column> LATEST_COLUMNS = List.of(
            new Column("level", "int4", "smallint", false), new Column("quarter", "int4", "int", false),
            new Column("province", "text", "text", false), new Column("city", "text", "text", false),
            new Column("district", "text", "text", false), new Column("sector", "text", "text", false),
            new Column("signed_count", "int8", "bigint", true), new Column("signed_value", "text", "numeric", true),
            new Column("planned_jobs", "int8", "bigint", true), new Column("started_count", "int8", "bigint", true),
            new Column("started_value", "text", "numeric", true), new Column("operational_count", "int8", "bigint", true),
            new Column("operational_value", "text", "numeric", true), new Column("suspended_count", "int8", "bigint", true),
            new Column("suspended_value", "text", "numeric", true), new Column("cancelled_count", "int8", "bigint", true),
            new Column("cancelled_value", "text", "numeric", true), new Column("investment_delta", "text", "numeric", true),
            new Column("jobs_delta", "int8", "bigint", true), new Column("signed_change", "int8", "bigint", true),
            new Column("started_change", "int8", "bigint", true), new Column("operational_change", "int8", "bigint", true),
            new Column("suspended_change", "int8", "bigint", true), new Column("cancelled_change", "int8", "bigint", true),
            new Column("updated_at", "text", "timestamptz", false), new Column("open_updated_at", "text", "timestamptz", false));

    /** Sums add up; the two moments only move forward. */
    private static final String UPSERT_LATEST = "insert into latest_figure as f ("
            + String.join(", ", LATEST_COLUMNS.stream().map(Column::name).toList()) + ") select "
            + String.join(", ", LATEST_COLUMNS.stream().map(col -> "c." + col.name() + "::" + col.cast()).toList())
            + " from unnest(" + String.join(", ", LATEST_COLUMNS.stream().map(col -> "?::" + col.arrayType() + "[]").toList())
            + ") with ordinality as c(" + String.join(", ", LATEST_COLUMNS.stream().map(Column::name).toList())
            + ", n) order by c.n on conflict (level, province, city, district, sector, quarter) do update set "
            + String.join(", ", LATEST_COLUMNS.stream().filter(Column::summed)
                    .map(col -> col.name() + " = f." + col.name() + " + excluded." + col.name()).toList())
            + ", updated_at = greatest(f.updated_at, excluded.updated_at)"
            + ", open_updated_at = greatest(f.open_updated_at, excluded.open_updated_at)";

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

    private interface Binder<T> {
        void bind(PreparedStatement s, T item) throws SQLException;
    }

    private interface RowReader<T> {
        T read(ResultSet r) throws SQLException;
    }

    /** One JDBC batch for all items: one round trip however many projects a consumer batch touched. */
    private <T> void batch(String sql, List<T> items, Binder<T> binder) {
        if (items.isEmpty()) {
            return;
        }
        work(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (T item : items) {
                    binder.bind(s, item);
                    s.addBatch();
                }
                s.executeBatch();
            }
        });
    }

    /** Runs a query whose first column is the project id and whose only parameter is the array of ids. */
    private <T> Map<UUID, List<T>> byProject(Collection<UUID> projectIds, String sql, RowReader<T> reader) {
        Map<UUID, List<T>> out = new HashMap<>();
        projectIds.forEach(id -> out.put(id, new ArrayList<>()));
        work(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setArray(1, c.createArrayOf("uuid", projectIds.toArray()));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.get(r.getObject(1, UUID.class)).add(reader.read(r));
                    }
                }
            }
        });
        return out;
    }

    /** Runs a query whose four parameters are a window's two ends, twice, and reads every row. */
    private <T> List<T> list(String sql, Instant after, Instant upTo, RowReader<T> reader) {
        List<T> out = new ArrayList<>();
        work(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < 4; i += 2) {
                    s.setTimestamp(i + 1, Timestamp.from(after));
                    s.setTimestamp(i + 2, Timestamp.from(upTo));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(reader.read(r));
                    }
                }
            }
        });
        return out;
    }

    private void work(Work work) {
        em.unwrap(Session.class).doWork(work::execute);
    }
}

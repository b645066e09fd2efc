package org.landfall.reporting.repository;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.landfall.events.Stage;
import org.landfall.platform.jdbc.Jdbc;
import org.landfall.platform.jdbc.SqlRow;
import org.landfall.platform.jdbc.SqlStatement;
import org.landfall.reporting.domain.Facts;
import org.landfall.reporting.domain.Figure;
import org.landfall.reporting.domain.FigureHistory;
import org.landfall.reporting.domain.Figures;
import org.landfall.reporting.domain.LatestFigures;
import org.landfall.reporting.domain.Place;

/** The facts and the versioned figures of each project, in set-wise statements on the transaction's connection. */
@ApplicationScoped
public class FactStore {

    @Inject
    Jdbc jdbc;

    /**
     * Serialises the derivations of these projects until the transaction ends. The locks are taken in id order,
     * the same in every transaction, so two batches that share projects cannot deadlock.
     */
    public void lock(Collection<UUID> projectIds) {
        jdbc.sql("select count(pg_advisory_xact_lock(hashtextextended(id::text, 0))) "
                + "from (select unnest(?::uuid[]) as id order by 1) ids", ids(projectIds)).execute();
    }

    public void addVersions(List<Facts.ProjectVersion> versions) {
        jdbc.sql("insert into project_fact (project_id, revision, recorded_at, signed_on, contract_value, planned_jobs, "
                + LOCATION + ", sector, park, designations, planned_start_on) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing").batch(versions, v -> {
                    Facts.Location l = v.location();
                    return Arrays.asList(v.projectId(), v.revision(), v.recordedAt(), v.signedOn(), v.contractValue(),
                            v.plannedJobs(), l.province(), l.city(), l.district(), l.regionCode(), v.sector(), v.park(),
                            designations(v.designations()), v.plannedStartOn());
                });
    }

    public void addPlans(List<Facts.Plan> plans) {
        jdbc.sql("insert into plan_fact (event_id, project_id, year, planned_investment, start_planned, recorded_at) "
                + "values (?, ?, ?, ?, ?, ?) on conflict do nothing").batch(plans, p -> List.of(p.eventId(), p.projectId(),
                p.year(), p.plannedInvestment(), p.startPlanned(), p.recordedAt()));
    }

    /** Every plan of these projects, each version, by project. */
    public Map<UUID, List<Facts.Plan>> plans(Collection<UUID> projectIds) {
        return byProject(projectIds, "select event_id, project_id, year, planned_investment, start_planned, recorded_at "
                + "from plan_fact where project_id = any(?)", r -> new Facts.Plan(r.uuid("event_id"), r.uuid("project_id"),
                r.integer("year"), r.decimal("planned_investment"), r.bool("start_planned"), r.instant("recorded_at")));
    }

    public void addUpdates(List<Facts.Update> updates) {
        jdbc.sql("insert into update_fact (update_id, project_id, effective_on, stage, investment_completed, jobs_created, "
                + "funds_in_place, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing").batch(updates,
                u -> Arrays.asList(u.updateId(), u.projectId(), u.effectiveOn(), u.stage() == null ? null : u.stage().name(),
                        u.investmentCompleted(), u.jobsCreated(), u.fundsInPlace(), u.recordedAt()));
    }

    /** The highest revision held of each of these projects' contracts; a project without any is absent. */
    public Map<UUID, Integer> revisions(Collection<UUID> projectIds) {
        Map<UUID, Integer> held = new HashMap<>();
        if (projectIds.isEmpty()) {
            return held;
        }
        jdbc.sql("select project_id, max(revision) as revision from project_fact where project_id = any(?) "
                + "group by project_id", ids(projectIds)).list(r -> held.put(r.uuid("project_id"), r.integer("revision")));
        return held;
    }

    /** Every version of these projects' contracts, by project. */
    public Map<UUID, List<Facts.ProjectVersion>> versions(Collection<UUID> projectIds) {
        return byProject(projectIds, "select project_id, revision, recorded_at, signed_on, contract_value, planned_jobs, "
                + LOCATION + ", sector, park, designations, planned_start_on from project_fact where project_id = any(?)",
                r -> new Facts.ProjectVersion(r.uuid("project_id"), r.integer("revision"), r.instant("recorded_at"),
                        r.date("signed_on"), r.decimal("contract_value"), r.longValue("planned_jobs"),
                        new Facts.Location(r.string("province"), r.string("city"), r.string("district"),
                                r.string("region_code")),
                        r.string("sector"), r.string("park"), r.strings("designations"), r.date("planned_start_on")));
    }

    /** Every update of these projects, by project. */
    public Map<UUID, List<Facts.Update>> updates(Collection<UUID> projectIds) {
        return byProject(projectIds, "select project_id, update_id, effective_on, stage, investment_completed, jobs_created, "
                + "funds_in_place, recorded_at from update_fact where project_id = any(?)",
                r -> new Facts.Update(r.uuid("update_id"), r.uuid("project_id"), r.date("effective_on"),
                        r.string("stage") == null ? null : Stage.valueOf(r.string("stage")), r.decimal("investment_completed"),
                        r.longValue("jobs_created"), r.decimal("funds_in_place"), r.instant("recorded_at")));
    }

    /** A contract's place as its event gave it. */
    private static final String LOCATION = "province, city, district, region_code";
    /** A project's group as reports group it: each place level's name and code, then the sector. */
    private static final String GROUP = Place.LEVELS.stream().map(l -> l + ", " + Place.codeColumn(l))
            .collect(Collectors.joining(", ")) + ", sector";
    private static final String FIGURE_COLUMNS = Arrays.stream(Figure.values()).map(f -> f.column)
            .collect(Collectors.joining(", "));
    /** A project's profile as the versioned figures carry it, for reports that select on more than place and sector. */
    private static final String PROFILE = GROUP + ", park, designations, contract_value";
    private static final String CONTRIBUTION_COLUMNS = "project_id, quarter, " + PROFILE + ", " + FIGURE_COLUMNS
            + ", valid_from, valid_to";
    private static final String SPAN_COLUMNS = "project_id, stage, from_quarter, to_quarter, " + PROFILE
            + ", valid_from, valid_to";

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
                jdbc.sql("select " + CONTRIBUTION_COLUMNS + " from contribution" + window, after, upTo, after, upTo)
                        .list(FactStore::contribution),
                jdbc.sql("select " + SPAN_COLUMNS + " from stage_span" + window, after, upTo, after, upTo)
                        .list(FactStore::span));
    }

    private static FigureHistory.Versioned<Figures.Contribution> contribution(SqlRow r) throws SQLException {
        return new FigureHistory.Versioned<>(new Figures.Contribution(profile(r), FigureColumns.figures(r)), r.integer("quarter"),
                r.instant("valid_from"), r.instant("valid_to"));
    }

    private static FigureHistory.Versioned<Figures.StageSpan> span(SqlRow r) throws SQLException {
        Figures.StageSpan span = new Figures.StageSpan(profile(r), Stage.valueOf(r.string("stage")), r.integer("from_quarter"),
                r.integer("to_quarter"));
        return new FigureHistory.Versioned<>(span, span.from(), r.instant("valid_from"), r.instant("valid_to"));
    }

    private static Facts.Group group(SqlRow r) throws SQLException {
        Place.Part[] parts = new Place.Part[Place.LEVELS.size()];
        for (int i = 0; i < parts.length; i++) {
            String level = Place.LEVELS.get(i);
            parts[i] = new Place.Part(r.string(level), r.string(Place.codeColumn(level)));
        }
        return new Facts.Group(new Place(parts[0], parts[1], parts[2]), r.string("sector"));
    }

    private static Facts.Profile profile(SqlRow r) throws SQLException {
        return new Facts.Profile(group(r), r.string("park"), r.strings("designations"), r.decimal("contract_value"));
    }

    private static List<Object> profile(Facts.Profile p) {
        return with(group(p.group()), Arrays.asList(p.park(), designations(p.designations()), p.contractValue()));
    }

    private static Jdbc.SqlArray designations(List<String> codes) {
        return Jdbc.array("text", codes.toArray());
    }

    /** The values of {@link #GROUP}. */
    private static List<Object> group(Facts.Group g) {
        List<Object> values = new ArrayList<>();
        g.place().parts().forEach(part -> values.addAll(List.of(part.name(), part.code())));
        values.add(g.sector());
        return values;
    }

    /**
     * Sets the moments of these rows to what the stored versions say as of {@code at}: the latest boundary up to
     * it among the versions covering each row (see {@link LatestFigures}).
     */
    public void recomputeMoments(Collection<LatestFigures.Key> keys, Instant at) {
        StringBuilder sameGroup = new StringBuilder();
        for (int d = 1; d <= Place.LEVELS.size(); d++) {
            String level = Place.LEVELS.get(d - 1), code = Place.codeColumn(level);
            sameGroup.append(" and (f.level / 2 < ").append(d).append(" or (x.").append(level).append(" = f.").append(level)
                    .append(" and x.").append(code).append(" = f.").append(code).append("))");
        }
        sameGroup.append(" and (f.level % 2 = 0 or x.sector = f.sector) and x.valid_from <= ?");
        String boundary = "greatest(x.valid_from, case when x.valid_to <= ? then x.valid_to end)";
        jdbc.sql("update latest_figure f set updated_at = (select max(t) from ("
                + "select " + boundary + " as t from contribution x where x.quarter = f.quarter" + sameGroup
                + " union all select " + boundary + " from stage_span x where x.to_quarter is not null"
                + " and x.from_quarter <= f.quarter and x.to_quarter > f.quarter" + sameGroup + ") as m), "
                + "open_updated_at = (select max(" + boundary + ") from stage_span x where x.to_quarter is null"
                + " and x.from_quarter = f.quarter" + sameGroup + ") "
                + "where (f.level, f.quarter, " + GROUP.replaceAll("(\\w+)", "f.$1") + ") = (?, ?, "
                + placeholders(GROUP) + ")")
                .batch(List.copyOf(keys), k -> with(List.of(at, at, at, at, at, at, k.level(), k.quarter()),
                        group(new Facts.Group(k.place(), k.sector()))));
    }

    /** Replaces these projects' versioned figures with freshly derived histories. */
    public void replace(Map<UUID, FigureHistory.History> histories) {
        for (String table : List.of("contribution", "stage_span")) {
            jdbc.sql("delete from " + table + " where project_id = any(?)", ids(histories.keySet())).update();
        }
        List<Map.Entry<UUID, FigureHistory.Versioned<Figures.Contribution>>> contributions = new ArrayList<>();
        List<Map.Entry<UUID, FigureHistory.Versioned<Figures.StageSpan>>> spans = new ArrayList<>();
        histories.forEach((id, h) -> {
            h.contributions().forEach(v -> contributions.add(Map.entry(id, v)));
            h.spans().forEach(v -> spans.add(Map.entry(id, v)));
        });
        jdbc.sql("insert into contribution (" + CONTRIBUTION_COLUMNS + ") values (" + placeholders(CONTRIBUTION_COLUMNS) + ")")
                .batch(contributions, e -> {
                    FigureHistory.Versioned<Figures.Contribution> v = e.getValue();
                    List<Object> values = with(List.of(e.getKey(), v.quarter()), profile(v.value().profile()));
                    for (Figure f : Figure.values()) {
                        values.add(f.kind == Figure.Kind.COUNT ? (Object) v.value().figures().count(f) : v.value().figures().get(f));
                    }
                    return with(values, Arrays.asList(v.from(), v.to()));
                });
        jdbc.sql("insert into stage_span (" + SPAN_COLUMNS + ") values (" + placeholders(SPAN_COLUMNS) + ")")
                .batch(spans, e -> {
                    FigureHistory.Versioned<Figures.StageSpan> v = e.getValue();
                    Figures.StageSpan span = v.value();
                    return with(with(Arrays.asList(e.getKey(), span.stage().name(), span.from(), span.to()),
                            profile(span.profile())), Arrays.asList(v.from(), v.to()));
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
        Map<String, List<Object>> columns = new HashMap<>();
        FigureColumns.LATEST.forEach(col -> columns.put(col.name(), new ArrayList<>()));
        new TreeMap<>(changes).forEach((k, c) -> {
            columns.get("level").add(k.level());
            columns.get("quarter").add(k.quarter());
            for (int d = 1; d <= Place.LEVELS.size(); d++) {
                columns.get(Place.LEVELS.get(d - 1)).add(k.place().part(d).name());
                columns.get(Place.codeColumn(Place.LEVELS.get(d - 1))).add(k.place().part(d).code());
            }
            columns.get("sector").add(k.sector());
            for (Figure f : Figure.values()) {
                columns.get(f.column).add(f.sqlValue(c.figures().get(f)));
            }
            for (Stage s : Stage.values()) {
                columns.get(FigureColumns.stageChange(s)).add(c.stageChange(s));
            }
            columns.get(FigureColumns.UPDATED_AT).add(c.updatedAt() == null ? null : c.updatedAt().toString());
            columns.get(FigureColumns.OPEN_UPDATED_AT).add(c.openUpdatedAt() == null ? null : c.openUpdatedAt().toString());
        });
        jdbc.sql(UPSERT_LATEST, FigureColumns.LATEST.stream()
                .map(col -> Jdbc.array(col.arrayType(), columns.get(col.name()).toArray())).toArray()).update();
    }

    /** Sums add up; the two moments only move forward. */
    private static final String UPSERT_LATEST = "insert into latest_figure as f ("
            + names(FigureColumns.LATEST.stream().map(FigureColumns.Column::name)) + ") select "
            + names(FigureColumns.LATEST.stream().map(col -> "c." + col.name() + "::" + col.sqlType()))
            + " from unnest(" + names(FigureColumns.LATEST.stream().map(col -> "?::" + col.arrayType() + "[]"))
            + ") with ordinality as c(" + names(FigureColumns.LATEST.stream().map(FigureColumns.Column::name))
            + ", n) order by c.n on conflict (" + names(FigureColumns.LATEST.stream()
                    .filter(col -> col.merge() == FigureColumns.Merge.KEY).map(FigureColumns.Column::name))
            + ") do update set "
            + names(FigureColumns.LATEST.stream().filter(col -> col.merge() != FigureColumns.Merge.KEY)
                    .map(col -> col.name() + " = " + (col.merge() == FigureColumns.Merge.SUM
                            ? "f." + col.name() + " + excluded." + col.name()
                            : "greatest(f." + col.name() + ", excluded." + col.name() + ")")));

    private static String names(Stream<String> names) {
        return names.collect(Collectors.joining(", "));
    }

    private static String placeholders(String columns) {
        return names(Arrays.stream(columns.split(",")).map(c -> "?"));
    }

    private static List<Object> with(List<Object> first, List<Object> more) {
        List<Object> all = new ArrayList<>(first);
        all.addAll(more);
        return all;
    }

    private static Jdbc.SqlArray ids(Collection<UUID> projectIds) {
        return Jdbc.array("uuid", projectIds.toArray());
    }

    /** Runs a query whose only parameter is the array of ids, by the {@code project_id} of each row. */
    private <T> Map<UUID, List<T>> byProject(Collection<UUID> projectIds, String sql, SqlStatement.Mapper<T> reader) {
        Map<UUID, List<T>> out = new HashMap<>();
        projectIds.forEach(id -> out.put(id, new ArrayList<>()));
        jdbc.sql(sql, ids(projectIds)).list(r -> out.get(r.uuid("project_id")).add(reader.map(r)));
        return out;
    }
}

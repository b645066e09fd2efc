package org.landfall.intake.repository;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.landfall.events.ProjectPlanSet;
import org.landfall.intake.domain.AnnualPlan;
import org.landfall.platform.jdbc.Jdbc;
import org.landfall.platform.jdbc.SqlRow;

/** Every annual plan set for a project, kept in the order accepted; a year's plan is the last one set for it. */
@ApplicationScoped
public class PlanRepository {

    private static final String COLUMNS = "project_id, year, planned_investment, start_planned, recorded_at, recorded_by";

    @Inject
    Jdbc jdbc;

    /**
     * Locks the project's row until the transaction ends, so that two plans of one project (or a plan and a
     * correction) take turns and their events leave in the order they were accepted; false if there is no such
     * project. The status consumer's key-share lock does not wait for it.
     */
    public boolean lockProject(UUID projectId) {
        return !jdbc.sql("select id from project where id = ? for no key update", projectId).list(r -> r.uuid("id"))
                .isEmpty();
    }

    public void add(ProjectPlanSet e) {
        jdbc.sql("insert into project_plan (event_id, " + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)", e.eventId(),
                e.projectId(), e.year(), e.plannedInvestment(), e.startPlanned(), e.recordedAt(), e.recordedBy()).update();
    }

    public Optional<AnnualPlan> of(UUID projectId, int year) {
        return jdbc.sql("select " + COLUMNS + " from project_plan where project_id = ? and year = ? order by seq desc "
                + "limit 1", projectId, year).list(PlanRepository::plan).stream().findFirst();
    }

    /** The project's plan of each year it has one for, by year. */
    public List<AnnualPlan> ofProject(UUID projectId) {
        return jdbc.sql("select distinct on (year) " + COLUMNS + " from project_plan where project_id = ? "
                + "order by year, seq desc", projectId).list(PlanRepository::plan);
    }

    private static AnnualPlan plan(SqlRow r) throws SQLException {
        return new AnnualPlan(r.uuid("project_id"), r.integer("year"), r.decimal("planned_investment"),
                r.bool("start_planned"), r.instant("recorded_at"), r.string("recorded_by"));
    }
}

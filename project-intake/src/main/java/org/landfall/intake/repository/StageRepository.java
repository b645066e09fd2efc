package org.landfall.intake.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.landfall.events.Stage;
import org.landfall.intake.domain.FirstUpdate;
import org.landfall.intake.domain.StageChange;
import org.landfall.platform.jdbc.Jdbc;

/**
 * The stage changes of the projects, learnt from project-status's events, in the order status accepted them, and
 * each project's earliest-dated update of any kind.
 */
@ApplicationScoped
public class StageRepository {

    @Inject
    Jdbc jdbc;

    /** Records a stage change of a project intake holds; an unknown project or a known event id changes nothing. */
    public void record(UUID eventId, UUID projectId, Stage stage, LocalDate effectiveOn, Instant recordedAt) {
        jdbc.sql("insert into project_stage_change (event_id, project_id, stage, effective_on, recorded_at) "
                + "select ?, id, ?, ?, ? from project where id = ? on conflict (event_id) do nothing",
                eventId, stage.name(), effectiveOn, recordedAt, projectId).update();
    }

    /**
     * Keeps the update if it is the project's earliest-dated (on a tie, a stage change over figures alone); an
     * unknown project changes nothing. Applying the same update again changes nothing either.
     */
    public void recordUpdate(UUID projectId, LocalDate effectiveOn, Stage stage) {
        jdbc.sql("insert into project_first_update (project_id, effective_on, stage) "
                // The project's row lock: a correction of its signing date in progress is waited for.
                + "select id, ?, ?::text from project where id = ? for key share "
                + "on conflict (project_id) do update set effective_on = excluded.effective_on, stage = excluded.stage "
                + "where excluded.effective_on < project_first_update.effective_on "
                + "or excluded.effective_on = project_first_update.effective_on "
                + "and project_first_update.stage is null and excluded.stage is not null",
                effectiveOn, stage == null ? null : stage.name(), projectId).update();
    }

    public Optional<FirstUpdate> firstUpdate(UUID projectId) {
        return jdbc.sql("select effective_on, stage from project_first_update where project_id = ?", projectId)
                .list(r -> new FirstUpdate(r.date("effective_on"), stage(r.string("stage")))).stream().findFirst();
    }

    /** The stage changes of each of {@code projectIds} that has any, oldest first. */
    public Map<UUID, List<StageChange>> of(Collection<UUID> projectIds) {
        Map<UUID, List<StageChange>> changes = new LinkedHashMap<>();
        if (projectIds.isEmpty()) {
            return changes;
        }
        jdbc.sql("select project_id, stage, effective_on, recorded_at from project_stage_change "
                + "where project_id = any(?) order by project_id, seq", Jdbc.array("uuid", projectIds.toArray()))
                .list(r -> changes.computeIfAbsent(r.uuid("project_id"), id -> new ArrayList<>())
                        .add(new StageChange(stage(r.string("stage")), r.date("effective_on"), r.instant("recorded_at"))));
        return changes;
    }

    private static Stage stage(String name) {
        return name == null ? null : Stage.valueOf(name);
    }
}

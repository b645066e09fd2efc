package org.landfall.intake.repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.landfall.events.Stage;
import org.landfall.intake.domain.FirstUpdate;
import org.landfall.intake.domain.StageChange;

/**
 * The stage changes of the projects, learnt from project-status's events, in the order status accepted them, and
 * each project's earliest-dated update of any kind.
 */
@ApplicationScoped
public class StageRepository {

    @Inject
    EntityManager em;

    /** Records a stage change of a project intake holds; an unknown project or a known event id changes nothing. */
    public void record(UUID eventId, UUID projectId, Stage stage, LocalDate effectiveOn, Instant recordedAt) {
        em.createNativeQuery("insert into project_stage_change (event_id, project_id, stage, effective_on, recorded_at) "
                        + "select :eventId, id, :stage, :effectiveOn, :recordedAt from project where id = :projectId "
                        + "on conflict (event_id) do nothing")
                .setParameter("eventId", eventId).setParameter("projectId", projectId)
                .setParameter("stage", stage.name()).setParameter("effectiveOn", effectiveOn)
                .setParameter("recordedAt", recordedAt).executeUpdate();
    }

    /**
     * Keeps the update if it is the project's earliest-dated (on a tie, a stage change over figures alone); an
     * unknown project changes nothing. Applying the same update again changes nothing either.
     */
    public void recordUpdate(UUID projectId, LocalDate effectiveOn, Stage stage) {
        em.createNativeQuery("insert into project_first_update (project_id, effective_on, stage) "
                        // The project's row lock: a correction of its signing date in progress is waited for.
                        + "select id, :effectiveOn, :stage from project where id = :projectId for key share "
                        + "on conflict (project_id) do update set effective_on = excluded.effective_on, stage = excluded.stage "
                        + "where excluded.effective_on < project_first_update.effective_on "
                        + "or excluded.effective_on = project_first_update.effective_on "
                        + "and project_first_update.stage is null and excluded.stage is not null")
                .setParameter("projectId", projectId).setParameter("effectiveOn", effectiveOn)
                .setParameter("stage", stage == null ? null : stage.name()).executeUpdate();
    }

    public Optional<FirstUpdate> firstUpdate(UUID projectId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select effective_on, stage from project_first_update where project_id = :id")
                .setParameter("id", projectId).getResultList();
        return rows.stream().findFirst().map(r -> new FirstUpdate(localDate(r[0]), r[1] == null ? null : Stage.valueOf((String) r[1])));
    }

    /** The stage changes of each of {@code projectIds} that has any, oldest first. */
    public Map<UUID, List<StageChange>> of(Collection<UUID> projectIds) {
        Map<UUID, List<StageChange>> changes = new LinkedHashMap<>();
        if (projectIds.isEmpty()) {
            return changes;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select project_id, stage, effective_on, recorded_at "
                        + "from project_stage_change where project_id in (:ids) order by project_id, seq")
                .setParameter("ids", projectIds).getResultList();
        for (Object[] r : rows) {
            changes.computeIfAbsent((UUID) r[0], id -> new ArrayList<>())
                    .add(new StageChange(Stage.valueOf((String) r[1]), localDate(r[2]), instant(r[3])));
        }
        return changes;
    }

    // The JDBC driver's types for date and timestamptz, whichever Hibernate hands back.
    static LocalDate localDate(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }

    static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        return value instanceof OffsetDateTime o ? o.toInstant() : (Instant) value;
    }
}

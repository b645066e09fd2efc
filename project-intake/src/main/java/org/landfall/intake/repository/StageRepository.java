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
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.landfall.events.Stage;
import org.landfall.intake.domain.StageChange;

/** The stage changes of the projects, learnt from project-status's events, in the order status accepted them. */
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

package org.landfall.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A site inspector's update was accepted. {@code stage} is null when the update carries only figures or a note;
 * {@code previousStage} is the stage it left. Figures are cumulative to {@code occurredOn} (the effective date):
 * {@code fundsInPlace} is the money the investor has actually put in (到位资金). {@code milestones} are codes of
 * status's {@code GET /api/milestones} reached by that date (an event of a producer before issue 20 has none).
 */
public record ProjectUpdateRecorded(
        UUID eventId,
        int schemaVersion,
        UUID projectId,
        LocalDate occurredOn,
        Instant recordedAt,
        String recordedBy,
        UUID updateId,
        Stage stage,
        Stage previousStage,
        BigDecimal investmentCompleted,
        Long jobsCreated,
        Integer progressPercent,
        String note,
        BigDecimal fundsInPlace,
        List<String> milestones) implements ProjectEvent {

    public static final String TYPE = "project.update-recorded";
    public static final int VERSION = 1;

    public ProjectUpdateRecorded {
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
    }

    /** An update without funds in place or milestones, as producers wrote them before issue 20 added both. */
    public ProjectUpdateRecorded(UUID eventId, int schemaVersion, UUID projectId, LocalDate occurredOn,
                                 Instant recordedAt, String recordedBy, UUID updateId, Stage stage, Stage previousStage,
                                 BigDecimal investmentCompleted, Long jobsCreated, Integer progressPercent, String note) {
        this(eventId, schemaVersion, projectId, occurredOn, recordedAt, recordedBy, updateId, stage, previousStage,
                investmentCompleted, jobsCreated, progressPercent, note, null, List.of());
    }

    @Override
    public String type() {
        return TYPE;
    }
}

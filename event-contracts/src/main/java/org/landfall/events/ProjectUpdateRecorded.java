package org.landfall.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A site inspector's update was accepted. {@code stage} is null when the update carries only figures or a note;
 * {@code previousStage} is the stage it left. Figures are cumulative to {@code occurredOn} (the effective date).
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
        String note) implements ProjectEvent {

    public static final String TYPE = "project.update-recorded";
    public static final int VERSION = 1;

    @Override
    public String type() {
        return TYPE;
    }
}

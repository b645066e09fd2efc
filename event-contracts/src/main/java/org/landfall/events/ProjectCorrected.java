package org.landfall.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An intake officer corrected a data-entry mistake. {@code project} is the whole contract after the correction;
 * {@code changedFields} and {@code reason} say what and why. {@code occurredOn} is the (corrected) signing date,
 * since a correction restates the contract as it was signed.
 */
public record ProjectCorrected(
        UUID eventId,
        int schemaVersion,
        UUID projectId,
        LocalDate occurredOn,
        Instant recordedAt,
        String recordedBy,
        String reason,
        List<String> changedFields,
        ProjectSnapshot project) implements ProjectEvent {

    public static final String TYPE = "project.corrected";
    public static final int VERSION = 1;

    @Override
    public String type() {
        return TYPE;
    }

    public static ProjectCorrected of(ProjectSnapshot project, String reason, List<String> changedFields,
                                      Instant correctedAt, String correctedBy) {
        return new ProjectCorrected(UUID.randomUUID(), VERSION, project.id(), project.signedOn(), correctedAt,
                correctedBy, reason, List.copyOf(changedFields), project);
    }
}

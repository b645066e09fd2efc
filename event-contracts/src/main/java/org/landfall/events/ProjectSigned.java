package org.landfall.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Intake accepted a signed contract. {@code occurredOn} is the signing date. */
public record ProjectSigned(
        UUID eventId,
        int schemaVersion,
        UUID projectId,
        LocalDate occurredOn,
        Instant recordedAt,
        String recordedBy,
        ProjectSnapshot project) implements ProjectEvent {

    public static final String TYPE = "project.signed";
    public static final int VERSION = 1;

    @Override
    public String type() {
        return TYPE;
    }

    public static ProjectSigned of(ProjectSnapshot project) {
        return new ProjectSigned(UUID.randomUUID(), VERSION, project.id(), project.signedOn(), project.createdAt(),
                project.createdBy(), project);
    }
}

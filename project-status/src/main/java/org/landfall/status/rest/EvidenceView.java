package org.landfall.status.rest;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.landfall.status.domain.evidence.Photo;
import org.landfall.status.repository.EvidenceRepository;

/**
 * A stored photo: its real type (by content), size and SHA-256, and when and where it was taken when its EXIF data
 * says so (absent otherwise).
 */
public record EvidenceView(
        UUID id,
        UUID projectId,
        UUID updateId,
        String contentType,
        int size,
        String sha256,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant takenAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Photo.Location location,
        Instant recordedAt,
        String recordedBy) {

    public static EvidenceView of(EvidenceRepository.Evidence e) {
        return new EvidenceView(e.id(), e.projectId(), e.updateId(), e.contentType(), e.size(), e.sha256(), e.takenAt(),
                e.latitude() == null ? null : new Photo.Location(e.latitude(), e.longitude()), e.recordedAt(), e.recordedBy());
    }
}

package org.landfall.intake.rest;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.landfall.intake.domain.Correction;

/** One correction in a project's history. */
@Schema(name = "Correction")
public record CorrectionView(
        UUID id,
        @Schema(description = "The project's revision that this correction produced") int revision,
        Instant correctedAt,
        String correctedBy,
        String reason,
        @Schema(description = "Each changed field with its old and new value",
                examples = "[{\"field\": \"contractValue\", \"from\": 1000000000, \"to\": 10000000000}]")
        @JsonRawValue String changes) {

    static CorrectionView of(Correction c) {
        return new CorrectionView(c.id, c.revision, c.correctedAt, c.correctedBy, c.reason, c.changes);
    }
}

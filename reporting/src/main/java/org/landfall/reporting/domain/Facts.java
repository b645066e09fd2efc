package org.landfall.reporting.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.landfall.events.Stage;

/** The event-level facts reporting keeps: what each event said, and when upstream recorded it. */
public final class Facts {

    private Facts() {
    }

    /** A revision of a contract (from project.signed or project.corrected). */
    public record ProjectVersion(UUID projectId, int revision, Instant recordedAt, LocalDate signedOn,
                                 BigDecimal contractValue, long plannedJobs, Group group) {
    }

    /** An inspector's update (from project.update-recorded). */
    public record Update(UUID updateId, UUID projectId, LocalDate effectiveOn, Stage stage,
                         BigDecimal investmentCompleted, Long jobsCreated, Instant recordedAt) {
    }

    /** Where a project lands and in which sector; district is "" when the contract names none. */
    public record Group(String province, String city, String district, String sector) {
    }
}

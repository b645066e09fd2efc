package org.landfall.reporting.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.landfall.events.Stage;

/** The event-level facts reporting keeps: what each event said, and when upstream recorded it. */
public final class Facts {

    private Facts() {
    }

    /**
     * A revision of a contract (from project.signed or project.corrected); {@code park} is "" and
     * {@code plannedStartOn} null when the contract names none.
     */
    public record ProjectVersion(UUID projectId, int revision, Instant recordedAt, LocalDate signedOn,
                                 BigDecimal contractValue, long plannedJobs, Group group, String park,
                                 List<String> designations, LocalDate plannedStartOn) {

        /** Designations as a set: sorted, each once, so that equal sets compare equal. */
        public ProjectVersion {
            designations = designations.stream().distinct().sorted().toList();
        }

        public Profile profile() {
            return new Profile(group, park, designations, ProjectFigures.money(contractValue));
        }
    }

    /** A project's annual plan for {@code year} (from project.plan-set); the latest recorded for a year holds. */
    public record Plan(UUID eventId, UUID projectId, int year, BigDecimal plannedInvestment, boolean startPlanned,
                       Instant recordedAt) {
    }

    /** An inspector's update (from project.update-recorded). */
    public record Update(UUID updateId, UUID projectId, LocalDate effectiveOn, Stage stage,
                         BigDecimal investmentCompleted, Long jobsCreated, Instant recordedAt) {
    }

    /** Where a project lands and in which sector; district is "" when the contract names none. */
    public record Group(String province, String city, String district, String sector) {
    }

    /**
     * What a report groups and filters a project's figures by: its group (the dimensions the latest figures are
     * pre-aggregated by), and its park, designations and contract value, which reports may select on too.
     */
    public record Profile(Group group, String park, List<String> designations, BigDecimal contractValue) {
    }
}

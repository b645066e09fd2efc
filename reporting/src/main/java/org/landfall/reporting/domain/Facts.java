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
                                 BigDecimal contractValue, long plannedJobs, Location location, String sector,
                                 String park, List<String> designations, LocalDate plannedStartOn) {

        /** Designations as a set: sorted, each once, so that equal sets compare equal. */
        public ProjectVersion {
            designations = designations.stream().distinct().sorted().toList();
        }

        public Profile profile() {
            return new Profile(new Group(location.place(), sector), park, designations, ProjectFigures.money(contractValue));
        }
    }

    /**
     * A contract's place as its event gave it: the names ({@code district} "" when it names none) and the GB/T 2260
     * code intake resolved them to (null when they match none, and in events from before codes existed).
     */
    public record Location(String province, String city, String district, String regionCode) {

        /** The place reports put the project in (see {@link Places}). */
        public Place place() {
            return Places.of(province, city, district, regionCode);
        }
    }

    /** A project's annual plan for {@code year} (from project.plan-set); the latest recorded for a year holds. */
    public record Plan(UUID eventId, UUID projectId, int year, BigDecimal plannedInvestment, boolean startPlanned,
                       Instant recordedAt) {
    }

    /**
     * An inspector's update (from project.update-recorded); the figures are cumulative, null where it reports none
     * ({@code fundsInPlace} in every event from before issue 20).
     */
    public record Update(UUID updateId, UUID projectId, LocalDate effectiveOn, Stage stage,
                         BigDecimal investmentCompleted, Long jobsCreated, BigDecimal fundsInPlace, Instant recordedAt) {
    }

    /** Where a project lands, as reports group places, and in which sector. */
    public record Group(Place place, String sector) {
    }

    /**
     * What a report groups and filters a project's figures by: its group (the dimensions the latest figures are
     * pre-aggregated by), and its park, designations and contract value, which reports may select on too.
     */
    public record Profile(Group group, String park, List<String> designations, BigDecimal contractValue) {
    }
}

package org.landfall.intake.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.landfall.events.Amount;
import org.landfall.events.ProjectSnapshot;
import org.landfall.events.Stage;
import org.landfall.intake.domain.Project;

/** A project as the API returns it. */
public record ProjectView(
        UUID id,
        String code,
        String name,
        String investor,
        String province,
        String city,
        String district,
        String sector,
        LocalDate signedOn,
        BigDecimal contractValue,
        Integer plannedJobs,
        Amount plannedCapacity,
        List<ProjectSnapshot.Phase> phases,
        LocalDate plannedStartOn,
        LocalDate plannedOperationalOn,
        ProjectSnapshot.Source source,
        Stage stage,
        int revision,
        Instant createdAt,
        String createdBy) {

    public static ProjectView of(Project p) {
        return new ProjectView(p.id, p.code, p.name, p.investor, p.province, p.city, p.district, p.sector, p.signedOn,
                p.contractValue, p.plannedJobs, p.plannedCapacity, p.phases, p.plannedStartOn, p.plannedOperationalOn,
                p.source, Stage.SIGNED, p.revision, p.createdAt, p.createdBy);
    }
}

package org.landfall.intake.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.landfall.events.Amount;
import org.landfall.events.ProjectSnapshot;
import org.landfall.events.Stage;
import org.landfall.intake.service.Dossiers;

/** A project as the API returns it: the contract plus what intake added. */
@Schema(name = "Project")
public record ProjectView(
        UUID id,
        @Schema(description = "Province prefix, signing year (as first entered), sequence; never changes",
                examples = "LN-2022-000001") String code,
        String name,
        String investor,
        String province,
        String city,
        String district,
        @Schema(description = "The GB/T 2260 code of the finest place the names (or the code given) designate; null "
                + "when the names match no code", examples = "210106") String regionCode,
        String sector,
        LocalDate signedOn,
        BigDecimal contractValue,
        Integer plannedJobs,
        Amount plannedCapacity,
        List<ProjectSnapshot.Phase> phases,
        LocalDate plannedStartOn,
        LocalDate plannedOperationalOn,
        ProjectSnapshot.Source source,
        @Schema(description = "Codes of GET /api/designations, in its order; [] when none") List<String> designations,
        String park,
        BigDecimal expectedAnnualSales,
        BigDecimal expectedAnnualProfit,
        BigDecimal expectedAnnualTax,
        @Schema(description = "SIGNED when entered; then the stage project-status last reported (landfall.project-updates)")
        Stage stage,
        @Schema(description = "1 when signed, +1 per correction") int revision,
        Instant createdAt,
        String createdBy) {

    /** A project as entered: SIGNED. */
    public static ProjectView of(ProjectSnapshot p) {
        return of(p, Stage.SIGNED);
    }

    public static ProjectView of(Dossiers.Dossier d) {
        return of(d.project(), d.stage());
    }

    private static ProjectView of(ProjectSnapshot p, Stage stage) {
        return new ProjectView(p.id(), p.code(), p.name(), p.investor(), p.province(), p.city(), p.district(),
                p.regionCode(), p.sector(), p.signedOn(), p.contractValue(), p.plannedJobs(), p.plannedCapacity(), p.phases(),
                p.plannedStartOn(), p.plannedOperationalOn(), p.source(), p.designations(), p.park(),
                p.expectedAnnualSales(), p.expectedAnnualProfit(), p.expectedAnnualTax(), stage, p.revision(), p.createdAt(),
                p.createdBy());
    }
}

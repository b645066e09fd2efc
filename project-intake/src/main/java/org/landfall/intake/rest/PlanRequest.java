package org.landfall.intake.rest;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /api/projects/{id}/plans/{year}}. */
@Schema(name = "PlanRequest", description = "A project's annual plan (年度计划投资)")
public record PlanRequest(
        @Schema(description = "Yuan planned to be invested in the year, 0 <= value <= 10^13, at most 2 decimals",
                examples = "1200000000")
        @NotNull @Yuan(zeroAllowed = true, belowMinimum = "{landfall.yuan.zeroOrMore}") BigDecimal plannedInvestment,
        @Schema(description = "A construction start is planned in the year (false when absent)", examples = "true")
        Boolean startPlanned) {

    boolean startIsPlanned() {
        return Boolean.TRUE.equals(startPlanned);
    }
}

package org.landfall.intake.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.landfall.events.ProjectPlanSet;

/**
 * A project's annual plan (年度计划投资) for {@code year}: the investment planned that year, whether a construction
 * start is planned that year, and who set it when.
 */
public record AnnualPlan(UUID projectId, int year, BigDecimal plannedInvestment, boolean startPlanned,
                         Instant recordedAt, String recordedBy) {

    public static AnnualPlan of(ProjectPlanSet e) {
        return new AnnualPlan(e.projectId(), e.year(), e.plannedInvestment(), e.startPlanned(), e.recordedAt(),
                e.recordedBy());
    }

    /** Whether this plan already says {@code plannedInvestment} (to the fen) and {@code startPlanned}. */
    public boolean says(BigDecimal plannedInvestment, boolean startPlanned) {
        return this.plannedInvestment.compareTo(plannedInvestment) == 0 && this.startPlanned == startPlanned;
    }
}

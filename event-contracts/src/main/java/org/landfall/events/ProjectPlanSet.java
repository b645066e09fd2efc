package org.landfall.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An intake officer set a project's annual plan (年度计划投资) for {@code year}: the investment planned that year,
 * and whether a construction start is planned that year. The whole plan, replacing any earlier one for the year.
 * {@code occurredOn} is the plan year's first day.
 */
public record ProjectPlanSet(
        UUID eventId,
        int schemaVersion,
        UUID projectId,
        LocalDate occurredOn,
        Instant recordedAt,
        String recordedBy,
        int year,
        BigDecimal plannedInvestment,
        boolean startPlanned) implements ProjectEvent {

    public static final String TYPE = "project.plan-set";
    public static final int VERSION = 1;

    @Override
    public String type() {
        return TYPE;
    }

    public static ProjectPlanSet of(UUID projectId, int year, BigDecimal plannedInvestment, boolean startPlanned,
                                    Instant recordedAt, String recordedBy) {
        return new ProjectPlanSet(UUID.randomUUID(), VERSION, projectId, LocalDate.of(year, 1, 1), recordedAt, recordedBy,
                year, plannedInvestment, startPlanned);
    }
}

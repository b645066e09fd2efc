package org.landfall.reporting.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One quarter of one group, as the contract shows it. */
public record ReportRow(
        String quarter,
        @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, String> group,
        Entered signed,
        Entered started,
        Entered operational,
        Entered suspended,
        Entered cancelled,
        BigDecimal investmentCompleted,
        long jobsCreated,
        Map<String, Long> endOfQuarter,
        @JsonInclude(JsonInclude.Include.ALWAYS) Instant updatedAt) {

    /** Projects that entered a stage in the quarter, with their contract values (and, for signed, planned jobs). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entered(long count, BigDecimal contractValue, Long plannedJobs) {
    }
}

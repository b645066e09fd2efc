package org.landfall.status.rest;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.landfall.events.Stage;
import org.landfall.status.domain.Report;

/** The body of {@code POST /api/projects/{id}/updates}: what an inspector saw, as of the date it became true. */
@Schema(example = """
        {"stage": "STARTED", "effectiveOn": "2023-04-07", "investmentCompleted": 200000000, "jobsCreated": 120,
         "progressPercent": 35, "note": "Foundation work under way"}""")
public record NewUpdate(
        Stage stage,
        @NotNull LocalDate effectiveOn,
        @DecimalMin("0") @DecimalMax("10000000000000") @Digits(integer = 14, fraction = 2) BigDecimal investmentCompleted,
        @PositiveOrZero @Max(100_000_000) Long jobsCreated,
        @Min(0) @Max(100) Integer progressPercent,
        @Size(max = 2000) String note) {

    public Report report() {
        return new Report(stage, effectiveOn, investmentCompleted, jobsCreated, progressPercent, note);
    }
}

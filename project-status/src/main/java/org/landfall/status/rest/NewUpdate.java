package org.landfall.status.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

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
import org.landfall.platform.rest.PlainText;
import org.landfall.status.domain.Report;

/** The body of {@code POST /api/projects/{id}/updates}: what an inspector saw, as of the date it became true. */
@Schema(example = """
        {"stage": "STARTED", "effectiveOn": "2023-04-07", "investmentCompleted": 200000000, "fundsInPlace": 350000000,
         "jobsCreated": 120, "progressPercent": 35, "milestones": ["land-acquired"], "note": "Foundation work under way"}""")
public record NewUpdate(
        Stage stage,
        @NotNull LocalDate effectiveOn,
        @DecimalMin("0") @DecimalMax("10000000000000") @Digits(integer = 14, fraction = 2) BigDecimal investmentCompleted,
        @Schema(description = "Cumulative yuan the investor has actually put in (到位资金), by effectiveOn")
        @DecimalMin("0") @DecimalMax("10000000000000") @Digits(integer = 14, fraction = 2) BigDecimal fundsInPlace,
        @PositiveOrZero @Max(100_000_000) Long jobsCreated,
        @Min(0) @Max(100) Integer progressPercent,
        @Schema(description = "Codes of GET /api/milestones reached by effectiveOn")
        @Size(max = 20) List<@PlainText String> milestones,
        @Size(max = 2000) @PlainText(multiLine = true) String note) {

    public Report report() {
        return new Report(stage, effectiveOn, investmentCompleted, jobsCreated, progressPercent, note, fundsInPlace,
                milestones);
    }
}

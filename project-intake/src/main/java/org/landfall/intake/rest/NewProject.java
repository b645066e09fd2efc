package org.landfall.intake.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.landfall.events.Amount;
import org.landfall.events.ProjectSnapshot;

/** The body of {@code POST /api/projects}: a signed contract as an intake officer enters it. */
public record NewProject(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 200) String investor,
        @NotBlank @Size(max = 100) String province,
        @NotBlank @Size(max = 100) String city,
        @Size(max = 100) String district,
        @NotBlank @Size(max = 64) String sector,
        @NotNull LocalDate signedOn,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("10000000000000") @Digits(integer = 14, fraction = 2)
        BigDecimal contractValue,
        @PositiveOrZero Integer plannedJobs,
        Amount plannedCapacity,
        @Valid List<ProjectSnapshot.Phase> phases,
        LocalDate plannedStartOn,
        LocalDate plannedOperationalOn,
        ProjectSnapshot.Source source) {
}

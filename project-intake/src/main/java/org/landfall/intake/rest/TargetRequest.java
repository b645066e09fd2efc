package org.landfall.intake.rest;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.landfall.intake.domain.Target;
import org.landfall.platform.rest.PlainText;

/** The body of {@code PUT /api/targets/{year}}: a place and its annual targets, the whole set. */
@Schema(name = "TargetRequest", description = "The annual targets of a place; an absent figure has no target")
public record TargetRequest(
        @Schema(examples = "Heilongjiang") @NotBlank @Size(max = 100) @PlainText String province,
        @Schema(examples = "Shuangyashan") @Size(max = 100) @PlainText String city,
        @Schema(description = "Needs the city") @Size(max = 100) @PlainText String district,
        @Schema(description = "Contracts to sign in the year", examples = "120") @PositiveOrZero Long signedCount,
        @Schema(description = "Yuan of contract value to sign, 0 <= value <= 10^13", examples = "60000000000")
        @Yuan(zeroAllowed = true, belowMinimum = "{landfall.yuan.zeroOrMore}") BigDecimal signedValue,
        @Schema(description = "Construction starts", examples = "40") @PositiveOrZero Long starts,
        @Schema(description = "Yuan of investment to complete, 0 <= value <= 10^13", examples = "16600000000")
        @Yuan(zeroAllowed = true, belowMinimum = "{landfall.yuan.zeroOrMore}") BigDecimal investmentCompleted,
        @Schema(description = "Jobs to create", examples = "3000") @PositiveOrZero Long jobsCreated) {

    /** The targets of {@code year}, with the place's names stripped (a blank city or district is none). */
    Target toTarget(int year) {
        return new Target(year, province.strip(), strip(city), strip(district), signedCount, signedValue, starts,
                investmentCompleted, jobsCreated, null, null);
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

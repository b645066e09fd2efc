package org.landfall.intake.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.URL;
import org.landfall.events.Amount;
import org.landfall.events.ProjectSnapshot;
import org.landfall.intake.domain.Contract;
import org.landfall.platform.rest.PlainText;

/**
 * The body of {@code POST /api/projects}, and the shape that a correction's {@code changes} patch: a signed
 * contract as an intake officer enters it, with the rules of each field. The rules across fields are in
 * {@link org.landfall.intake.domain.ContractRules}.
 */
@Schema(name = "NewProject", description = "A signed contract")
@PlaceGiven
public record NewProject(
        @Schema(examples = "Yiwei Lithium Energy Storage and Power Battery Project")
        @NotBlank @Size(max = 200) @PlainText String name,
        @Schema(examples = "Huizhou Yiwei Lithium Energy Co., Ltd.")
        @NotBlank @Size(max = 200) @PlainText String investor,
        @Schema(description = "In Chinese or pinyin; required without regionCode, else filled in from it",
                examples = "Liaoning") @Size(max = 100) @PlainText String province,
        @Schema(description = "In Chinese or pinyin; required without regionCode, else filled in from it",
                examples = "Shenyang") @Size(max = 100) @PlainText String city,
        @Schema(examples = "Tiexi") @Size(max = 100) @PlainText String district,
        @Schema(description = "The GB/T 2260 code of the place (a province, city or county of GET /api/regions), "
                + "instead of or with the names; the names given must not contradict it", examples = "210106")
        @Pattern(regexp = "\\s*(\\d{6})?\\s*", message = "{landfall.regionCode}")
        String regionCode,
        @Schema(description = "A code of GET /api/sectors", examples = "new-energy") @NotBlank @PlainText String sector,
        @Schema(description = "Not in the future (in the zone landfall.zone)", examples = "2022-09-27")
        @NotNull LocalDate signedOn,
        @Schema(description = "Yuan, 0 < value <= 10^13, at most 2 decimals", examples = "10000000000")
        @NotNull @Yuan BigDecimal contractValue,
        @Schema(examples = "300") @PositiveOrZero Integer plannedJobs,
        @Valid Capacity plannedCapacity,
        @Schema(description = "Numbered 1..n; their investments sum to at most contractValue")
        @Size(max = 100) List<@NotNull @Valid Phase> phases,
        @Schema(description = "On or after signedOn", examples = "2023-01-01") LocalDate plannedStartOn,
        @Schema(description = "On or after plannedStartOn and signedOn", examples = "2025-12-31")
        LocalDate plannedOperationalOn,
        @Valid Source source,
        @Schema(description = "Codes of GET /api/designations: the key-project lists the project is on (none when "
                + "absent); a code given twice counts once", examples = "[\"provincial-key\"]")
        @Size(max = 20) List<@NotBlank @Size(max = 50) @PlainText String> designations,
        @Schema(description = "The industrial park or development zone the project is in",
                examples = "Shuangyashan Economic Development Zone")
        @Size(max = 200) @PlainText String park,
        @Schema(description = "The investor's promise: annual sales once in operation, yuan, 0 < value <= 10^13, at "
                + "most 2 decimals", examples = "1500000000")
        @Yuan BigDecimal expectedAnnualSales,
        @Schema(description = "The investor's promise: annual profit once in operation, yuan", examples = "250000000")
        @Yuan BigDecimal expectedAnnualProfit,
        @Schema(description = "The investor's promise: annual tax paid once in operation, yuan", examples = "100000000")
        @Yuan BigDecimal expectedAnnualTax) {

    /** A planned capacity, such as 40 GWh or 200000 vehicles a year. */
    public record Capacity(
            @Schema(examples = "40") @NotNull @Positive @Digits(integer = 15, fraction = 6) BigDecimal value,
            @Schema(examples = "GWh") @NotBlank @Size(max = 30) @PlainText String unit) {
    }

    public record Phase(
            @Schema(examples = "1") @NotNull @Positive Integer number,
            @Schema(examples = "5000000000") @Yuan BigDecimal investment,
            @Valid Capacity capacity) {
    }

    /** Where the officer read about the signing. */
    public record Source(
            @Size(max = 500) @PlainText String title,
            @Size(max = 2000) @PlainText @URL(regexp = "^(?i)https?:.*", message = "{landfall.url}") String url,
            LocalDate publishedOn) {
    }

    public Contract toContract() {
        return new Contract(name, investor, province, city, district, sector, signedOn, contractValue, plannedJobs,
                amount(plannedCapacity),
                phases == null ? null : phases.stream()
                        .map(p -> new ProjectSnapshot.Phase(p.number(), p.investment(), amount(p.capacity()))).toList(),
                plannedStartOn, plannedOperationalOn,
                source == null ? null : new ProjectSnapshot.Source(source.title(), source.url(), source.publishedOn()),
                designations, park, expectedAnnualSales, expectedAnnualProfit, expectedAnnualTax, regionCode);
    }

    static NewProject of(Contract c) {
        return new NewProject(c.name(), c.investor(), c.province(), c.city(), c.district(), c.regionCode(), c.sector(),
                c.signedOn(),
                c.contractValue(), c.plannedJobs(), capacity(c.plannedCapacity()),
                c.phases() == null ? null : c.phases().stream()
                        .map(p -> new Phase(p.number(), p.investment(), capacity(p.capacity()))).toList(),
                c.plannedStartOn(), c.plannedOperationalOn(),
                c.source() == null ? null : new Source(c.source().title(), c.source().url(), c.source().publishedOn()),
                c.designations(), c.park(), c.expectedAnnualSales(), c.expectedAnnualProfit(), c.expectedAnnualTax());
    }

    private static Amount amount(Capacity c) {
        return c == null ? null : new Amount(c.value(), c.unit());
    }

    private static Capacity capacity(Amount a) {
        return a == null ? null : new Capacity(a.value(), a.unit());
    }
}

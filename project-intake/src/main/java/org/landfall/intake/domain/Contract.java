package org.landfall.intake.domain;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.landfall.events.Amount;
import org.landfall.events.ProjectSnapshot.Phase;
import org.landfall.events.ProjectSnapshot.Source;

/**
 * The facts of a signed contract: what an intake officer enters and may later correct. {@code designations}
 * are codes of {@link Designation} (never null: none is the empty list); the expected annual figures are the
 * investor's promise once in operation. {@code regionCode} is the GB/T 2260 code of the place: as given until
 * {@link Places} resolves it, then the code of the finest place the names and code designate (null if none).
 */
public record Contract(
        String name,
        String investor,
        String province,
        String city,
        String district,
        String sector,
        LocalDate signedOn,
        BigDecimal contractValue,
        Integer plannedJobs,
        Amount plannedCapacity,
        List<Phase> phases,
        LocalDate plannedStartOn,
        LocalDate plannedOperationalOn,
        Source source,
        List<String> designations,
        String park,
        BigDecimal expectedAnnualSales,
        BigDecimal expectedAnnualProfit,
        BigDecimal expectedAnnualTax,
        // Left out of the JSON when null, so that the idempotency hash of a contract without a code is as before.
        @JsonInclude(JsonInclude.Include.NON_NULL) String regionCode) {

    public Contract {
        designations = designations == null ? List.of() : designations;
    }

    /**
     * Texts without surrounding spaces, an empty phase list as none, designations once each in the catalogue's
     * order, so that equal contracts compare equal.
     */
    public Contract normalised() {
        return new Contract(strip(name), strip(investor), strip(province), strip(city), strip(district), strip(sector),
                signedOn, contractValue, plannedJobs,
                plannedCapacity == null ? null : new Amount(plannedCapacity.value(), strip(plannedCapacity.unit())),
                phases == null || phases.isEmpty() ? null : phases.stream()
                        .map(p -> new Phase(p.number(), p.investment(), p.capacity() == null ? null
                                : new Amount(p.capacity().value(), strip(p.capacity().unit()))))
                        .toList(),
                plannedStartOn, plannedOperationalOn,
                source == null ? null : new Source(strip(source.title()), strip(source.url()), source.publishedOn()),
                codes(designations), strip(park), expectedAnnualSales, expectedAnnualProfit, expectedAnnualTax,
                strip(regionCode));
    }

    /** This contract at the place {@link Places} resolved: its names, filled in where not given, and its code. */
    Contract placedAt(String province, String city, String district, String regionCode) {
        return new Contract(name, investor, province, city, district, sector, signedOn, contractValue, plannedJobs,
                plannedCapacity, phases, plannedStartOn, plannedOperationalOn, source, designations, park,
                expectedAnnualSales, expectedAnnualProfit, expectedAnnualTax, regionCode);
    }

    /**
     * Investor, name and signing date, case- and space-insensitive and in Unicode's NFKC form: two contracts with the
     * same key are one, whether typed with full-width letters and digits (ＦＥＮＧＦＡＮ, common with Chinese input
     * methods), ideographic spaces or circled numbers.
     */
    public String duplicateKey() {
        return duplicateKey(investor, name, signedOn);
    }

    /** The duplicate key of a contract of these investor, name and signing date. */
    public static String duplicateKey(String investor, String name, LocalDate signedOn) {
        return squeeze(investor) + "|" + squeeze(name) + "|" + signedOn;
    }

    private static String squeeze(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Known codes in the catalogue's order, then unknown ones (which the rules refuse) as given. */
    private static List<String> codes(List<String> designations) {
        return designations.stream().filter(Objects::nonNull).map(String::strip).distinct()
                .sorted(Comparator.comparingInt(c -> Designation.of(c).map(Enum::ordinal).orElse(Integer.MAX_VALUE)))
                .toList();
    }

    private static String strip(String s) {
        if (s == null) {
            return null;
        }
        String stripped = s.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}

package org.landfall.intake.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.landfall.events.TargetSet;
import org.landfall.platform.problem.FieldError;

/**
 * The annual targets of one place (a province, or a city or a district within it) for {@code year}: the whole set,
 * a null figure having no target; who set it when (null until stored).
 */
public record Target(int year, String province, String city, String district, Long signedCount, BigDecimal signedValue,
                     Long starts, BigDecimal investmentCompleted, Long jobsCreated, Instant recordedAt,
                     String recordedBy) {

    public static Target of(TargetSet e) {
        return new Target(e.year(), e.province(), e.city(), e.district(), e.signedCount(), e.signedValue(), e.starts(),
                e.investmentCompleted(), e.jobsCreated(), e.recordedAt(), e.recordedBy());
    }

    /** The place as places match, case-insensitively: "heilongjiang" and "Heilongjiang" are one. */
    public String placeKey() {
        return String.join("/", province, city == null ? "" : city, district == null ? "" : district)
                .toLowerCase(Locale.ROOT);
    }

    /** The broken rules of this set, none if it may be stored. */
    public List<FieldError> check() {
        List<FieldError> errors = new ArrayList<>();
        PlanYears.refuses(year).ifPresent(errors::add);
        if (district != null && city == null) {
            errors.add(new FieldError("district", IntakeText.DISTRICT_NEEDS_CITY.with()));
        }
        return errors;
    }

    /** Whether {@code other} spells the place as this one does and sets the same figures (to the fen). */
    public boolean sameAs(Target other) {
        return year == other.year && province.equals(other.province) && Objects.equals(city, other.city)
                && Objects.equals(district, other.district) && Objects.equals(signedCount, other.signedCount)
                && Objects.equals(starts, other.starts) && Objects.equals(jobsCreated, other.jobsCreated)
                && sameAmount(signedValue, other.signedValue) && sameAmount(investmentCompleted, other.investmentCompleted);
    }

    public TargetSet event(Instant recordedAt, String recordedBy) {
        return TargetSet.of(year, province, city, district, signedCount, signedValue, starts, investmentCompleted,
                jobsCreated, recordedAt, recordedBy);
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
